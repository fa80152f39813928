using System.Collections.Immutable;

namespace EcsWorkshop.Display.Formatting;

/// <summary>
/// What one view shows, independent of the output format: a titled card of blocks. Each view's formatter builds
/// a card; <see cref="CardHtml"/> and <see cref="CardText"/> write it, so HTML and console text always agree.
/// </summary>
/// <param name="Kind">A CSS-friendly name of the view (<c>cluster</c>), used as the class <c>ecsws-cluster</c>.</param>
/// <param name="KindLabel">The Japanese name of what is shown (<c>クラスター</c>).</param>
/// <param name="Name">The resource's name, or null.</param>
/// <param name="Status">A badge beside the title, or null.</param>
/// <param name="Blocks">The content, top to bottom.</param>
internal sealed record Card(string Kind, string KindLabel, string? Name, StatusBadge? Status, ImmutableArray<Block> Blocks);

internal abstract record Block;

/// <summary>Label–value pairs.</summary>
internal sealed record FieldsBlock(ImmutableArray<Field> Fields) : Block;

internal sealed record Field(string Label, Cell Value);

/// <summary>A table with a caption; <paramref name="EmptyText"/> is shown instead when there are no rows.</summary>
internal sealed record TableBlock(string Caption, ImmutableArray<string> Headers, ImmutableArray<TableRow> Rows, string EmptyText) : Block;

internal sealed record TableRow(ImmutableArray<Cell> Cells, bool Highlight = false);

/// <summary>What kind of note: what to look at, a problem, the fix, background.</summary>
internal enum NoteKind { Look, Problem, Fix, Info }

/// <summary>A labelled note (<c>ここを見る</c>, <c>直し方</c> …).</summary>
internal sealed record NoteBlock(NoteKind Kind, string Label, JapaneseText Text) : Block;

/// <summary>A command to copy, in a code block.</summary>
internal sealed record CommandBlock(string Caption, string CommandLine) : Block;

/// <summary>The original text of something (an AWS error message), shown as is.</summary>
internal sealed record OriginalBlock(string Caption, string Text) : Block;

/// <summary>Links to pages (AWS's documentation), under a label.</summary>
internal sealed record LinksBlock(string Label, ImmutableArray<PageLink> Links) : Block;

/// <summary>One link: the text shown and the address.</summary>
internal sealed record PageLink(string Text, Uri Address);

/// <summary>A small heading inside a card.</summary>
internal sealed record HeadingBlock(JapaneseText Text) : Block;

/// <summary>Content rendered elsewhere (another view's formatter, an SVG, Markdown), with its HTML and text forms.</summary>
internal sealed record RenderedBlock(string Html, string Text) : Block;

/// <summary>Content folded away under a summary line (HTML <c>&lt;details&gt;</c>); console text shows it in full.</summary>
internal sealed record DetailsBlock(string Summary, string Html, string Text) : Block;
