using System.Net;

namespace EcsWorkshop.Display.Formatting;

/// <summary>
/// Writes HTML elements to a <see cref="TextWriter"/>. Every text and attribute value goes through
/// <see cref="Encode"/>; the only unencoded output is markup this library builds itself (<see cref="Raw"/>).
/// Each element with a class also gets that class's inline style from <see cref="Theme"/>, so the output looks
/// the same where a notebook renderer drops <c>&lt;style&gt;</c> blocks.
/// </summary>
internal sealed class HtmlWriter(TextWriter output)
{
    private readonly Stack<string> open = new();

    /// <summary>HTML-encodes text for element content and attribute values (<c>&lt; &gt; &amp; " '</c>).</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Opens an element with the given classes (and their theme styles) and attributes (nulls skipped).</summary>
    public HtmlWriter Open(string tag, string? classes = null, params (string Name, string? Value)[] attributes)
    {
        output.Write('<');
        output.Write(tag);
        if (classes is not null)
        {
            Attribute("class", classes);
            var style = Theme.StyleFor(classes);
            if (style.Length > 0) Attribute("style", style);
        }
        foreach (var (name, value) in attributes)
            if (value is not null) Attribute(name, value);
        output.Write('>');
        open.Push(tag);
        return this;
    }

    /// <summary>Closes the element opened last.</summary>
    public HtmlWriter Close()
    {
        output.Write("</");
        output.Write(open.Pop());
        output.Write('>');
        return this;
    }

    /// <summary>Encoded text.</summary>
    public HtmlWriter Text(string? text)
    {
        output.Write(Encode(text));
        return this;
    }

    /// <summary>An element holding encoded text.</summary>
    public HtmlWriter Element(string tag, string? classes, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, classes, attributes).Text(text).Close();

    /// <summary>Markup built by this library (never a value from outside).</summary>
    public HtmlWriter Raw(string html)
    {
        output.Write(html);
        return this;
    }

    private void Attribute(string name, string value)
    {
        output.Write(' ');
        output.Write(name);
        output.Write("=\"");
        output.Write(Encode(value));
        output.Write('"');
    }
}
