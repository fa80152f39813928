using System.Collections.Immutable;

namespace EcsWorkshop.Display.Formatting;

/// <summary>One value on a card or in a table, written as HTML or as console text.</summary>
internal abstract record Cell
{
    /// <summary>Whether the value is a number (right-aligned in tables).</summary>
    public virtual bool IsNumeric => false;

    public abstract string ToText();

    public abstract void WriteHtml(HtmlWriter html);

    public static Cell Text(string? text) => new TextCell(text);
    public static Cell Code(string? text) => new CodeCell(text);
    public static Cell Status(string? status) => new StatusCell(string.IsNullOrEmpty(status) ? null : StatusBadge.For(status));
    public static Cell Status(StatusBadge? badge) => new StatusCell(badge);
    public static Cell Number(long? value) => new NumberCell(value);
    public static Cell Time(DateTimeOffset? value) => new TimeCell(value);
    public static Cell Rich(JapaneseText text) => new RichCell(text);
    public static Cell List(IEnumerable<Cell> items) => new ListCell([.. items]);
    public static Cell Chip(string text, string? modifier = null) => new ChipCell(text, modifier);
}

/// <summary>Plain text; a dash when absent.</summary>
internal sealed record TextCell(string? Value) : Cell
{
    public override string ToText() => string.IsNullOrEmpty(Value) ? JapaneseFormat.Dash : Value;
    public override void WriteHtml(HtmlWriter html) => html.Text(ToText());
}

/// <summary>An identifier, ARN, image or command word in a monospaced font.</summary>
internal sealed record CodeCell(string? Value) : Cell
{
    /// <summary>Identifiers up to this length are never broken across lines (deployment ids, family:revision).</summary>
    public const int MaxUnbroken = 40;

    public override string ToText() => string.IsNullOrEmpty(Value) ? JapaneseFormat.Dash : Value;

    public override void WriteHtml(HtmlWriter html)
    {
        if (string.IsNullOrEmpty(Value)) html.Text(JapaneseFormat.Dash);
        else html.Element("code", Value.Length <= MaxUnbroken ? "ecsws-code ecsws-nowrap" : "ecsws-code", Value);
    }
}

/// <summary>A status as a coloured badge: the AWS value and its Japanese word.</summary>
internal sealed record StatusCell(StatusBadge? Badge) : Cell
{
    public override string ToText() => Badge?.ToText() ?? JapaneseFormat.Dash;

    public override void WriteHtml(HtmlWriter html)
    {
        if (Badge is null)
        {
            html.Text(JapaneseFormat.Dash);
            return;
        }
        html.Open("span", $"ecsws-badge {Badge.CssClass}", ("data-status", Badge.Value)).Text(Badge.Value);
        if (Badge.Japanese is not null) html.Text(" ").Element("span", "ecsws-badge-ja", Badge.Japanese);
        html.Close();
    }
}

/// <summary>A whole number with ja-JP digit grouping.</summary>
internal sealed record NumberCell(long? Value) : Cell
{
    public override bool IsNumeric => true;
    public override string ToText() => Value is { } v ? JapaneseFormat.Number(v) : JapaneseFormat.Dash;
    public override void WriteHtml(HtmlWriter html) => html.Text(ToText());
}

/// <summary>A moment in Japan Standard Time, in a <c>&lt;time&gt;</c> element with its ISO form.</summary>
internal sealed record TimeCell(DateTimeOffset? Value) : Cell
{
    public override string ToText() => JapaneseFormat.DateTime(Value);

    public override void WriteHtml(HtmlWriter html)
    {
        if (Value is not { } moment)
        {
            html.Text(JapaneseFormat.Dash);
            return;
        }
        html.Element("time", null, JapaneseFormat.DateTime(moment), ("datetime", JapaneseFormat.IsoDateTime(moment)), ("title", "日本時間 (JST)"));
    }
}

/// <summary>Japanese prose with code words.</summary>
internal sealed record RichCell(JapaneseText Value) : Cell
{
    public override string ToText() => Value.IsEmpty ? JapaneseFormat.Dash : Value.ToString();
    public override void WriteHtml(HtmlWriter html) => RichText.WriteHtml(html, Value);
}

/// <summary>Several values side by side (tags, ports).</summary>
internal sealed record ListCell(ImmutableArray<Cell> Items) : Cell
{
    public override string ToText() => Items.IsDefaultOrEmpty ? JapaneseFormat.Dash : string.Join(", ", Items.Select(i => i.ToText()));

    public override void WriteHtml(HtmlWriter html)
    {
        if (Items.IsDefaultOrEmpty)
        {
            html.Text(JapaneseFormat.Dash);
            return;
        }
        for (var i = 0; i < Items.Length; i++)
        {
            if (i > 0) html.Text(" ");
            Items[i].WriteHtml(html);
        }
    }
}

/// <summary>A small boxed value; <c>hit</c> marks the chosen one, <c>miss</c> a refused one.</summary>
internal sealed record ChipCell(string Value, string? Modifier) : Cell
{
    public override string ToText() => Modifier switch
    {
        "hit" => $"[{Value}]",
        "miss" => $"x{Value}",
        _ => Value,
    };

    public override void WriteHtml(HtmlWriter html) =>
        html.Element("span", Modifier is null ? "ecsws-chip" : $"ecsws-chip ecsws-chip-{Modifier}", Value);
}

/// <summary>Writes a <see cref="JapaneseText"/> as HTML: prose encoded, code runs in <c>&lt;code&gt;</c>.</summary>
internal static class RichText
{
    public static void WriteHtml(HtmlWriter html, JapaneseText text)
    {
        foreach (var run in text.Runs)
        {
            if (run.IsCode) html.Element("code", "ecsws-code", run.Text);
            else html.Text(run.Text);
        }
    }
}
