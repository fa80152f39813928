using System.Text;

namespace EcsWorkshop.Display.Formatting;

/// <summary>
/// Writes a <see cref="Card"/> as console text: a 【title】 line, aligned label–value pairs and tables whose
/// columns line up by display width (Japanese characters take two columns). Only ASCII and wide characters are
/// used for structure, never East Asian "ambiguous" ones like box-drawing lines, so the layout holds in any
/// terminal.
/// </summary>
internal static class CardText
{
    private const string Indent = "  ";

    public static void Write(Card card, TextWriter output)
    {
        var title = new StringBuilder($"【{card.KindLabel}】");
        if (card.Name is not null) title.Append(' ').Append(card.Name);
        if (card.Status is not null) title.Append("  ").Append(card.Status.ToText());
        output.WriteLine(title.ToString());
        foreach (var block in card.Blocks) WriteBlock(output, block);
    }

    public static string ToText(Card card)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        Write(card, writer);
        return writer.ToString();
    }

    private static void WriteBlock(TextWriter output, Block block)
    {
        switch (block)
        {
            case FieldsBlock fields:
                WriteFields(output, fields);
                break;
            case TableBlock table:
                WriteTable(output, table);
                break;
            case NoteBlock note:
                WriteIndented(output, $"[{note.Label}] {note.Text}", Indent);
                break;
            case LinksBlock links:
                output.WriteLine($"{Indent}[{links.Label}]");
                foreach (var link in links.Links) output.WriteLine($"{Indent}{Indent}{link.Text}: {link.Address.AbsoluteUri}");
                break;
            case CommandBlock command:
                output.WriteLine($"{Indent}[{command.Caption}]");
                WriteIndented(output, command.CommandLine, Indent + Indent);
                break;
            case OriginalBlock original:
                output.WriteLine($"{Indent}[{original.Caption}]");
                WriteIndented(output, original.Text, Indent + Indent);
                break;
            case HeadingBlock heading:
                output.WriteLine($"{Indent}《{heading.Text}》");
                break;
            case RenderedBlock rendered:
                WriteIndented(output, rendered.Text.TrimEnd('\n'), Indent);
                break;
            case DetailsBlock details:
                output.WriteLine($"{Indent}《{details.Summary}》");
                WriteIndented(output, details.Text.TrimEnd('\n'), Indent + Indent);
                break;
            default:
                throw new InvalidOperationException($"No text for {block.GetType().Name}.");
        }
    }

    private static void WriteFields(TextWriter output, FieldsBlock fields)
    {
        if (fields.Fields.IsDefaultOrEmpty) return;
        var width = fields.Fields.Max(f => TextWidth.Of(f.Label));
        foreach (var field in fields.Fields)
            output.WriteLine($"{Indent}{TextWidth.PadRight(field.Label, width)} : {field.Value.ToText()}");
    }

    private static void WriteTable(TextWriter output, TableBlock table)
    {
        output.WriteLine($"{Indent}《{table.Caption}》");
        if (table.Rows.IsDefaultOrEmpty)
        {
            output.WriteLine($"{Indent}{Indent}{table.EmptyText}");
            return;
        }
        var rows = table.Rows.Select(r => r.Cells.Select(c => c.ToText().Replace('\n', ' ')).ToArray()).ToArray();
        var columns = table.Headers.Length;
        var widths = new int[columns];
        var numeric = new bool[columns];
        for (var c = 0; c < columns; c++)
        {
            widths[c] = Math.Max(TextWidth.Of(table.Headers[c]), rows.Max(r => c < r.Length ? TextWidth.Of(r[c]) : 0));
            numeric[c] = table.Rows.All(r => c < r.Cells.Length && r.Cells[c].IsNumeric);
        }
        output.WriteLine(Line(table.Headers.ToArray(), widths, numeric, marker: " "));
        output.WriteLine(Line([.. widths.Select(w => new string('-', w))], widths, numeric, marker: " "));
        for (var r = 0; r < rows.Length; r++)
            output.WriteLine(Line(rows[r], widths, numeric, marker: table.Rows[r].Highlight ? ">" : " "));
    }

    private static string Line(string[] cells, int[] widths, bool[] numeric, string marker)
    {
        var builder = new StringBuilder(Indent).Append(marker);
        for (var c = 0; c < widths.Length; c++)
        {
            var text = c < cells.Length ? cells[c] : "";
            var last = c == widths.Length - 1;
            builder.Append(numeric[c] ? TextWidth.PadLeft(text, widths[c]) : last ? text : TextWidth.PadRight(text, widths[c]));
            if (!last) builder.Append("  ");
        }
        return builder.ToString().TrimEnd();
    }

    private static void WriteIndented(TextWriter output, string text, string indent)
    {
        foreach (var line in text.Split('\n')) output.WriteLine(line.Length == 0 ? "" : indent + line);
    }
}
