using System.Globalization;
using System.Text;

namespace EcsWorkshop.Display.Formatting;

/// <summary>
/// How many terminal columns a string takes: CJK characters, kana and full-width forms take two, combining marks
/// none, everything else one. Plain-text tables align on this so Japanese labels line up in a console.
/// </summary>
public static class TextWidth
{
    /// <summary>The number of columns <paramref name="text"/> occupies in a monospaced terminal.</summary>
    public static int Of(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var width = 0;
        foreach (var rune in text.EnumerateRunes()) width += Of(rune);
        return width;
    }

    /// <summary>The columns one character occupies (0, 1 or 2).</summary>
    public static int Of(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            || rune.Value == 0x200B)
            return 0;
        if (category == UnicodeCategory.Control) return 0;
        return IsWide(rune.Value) ? 2 : 1;
    }

    /// <summary><paramref name="text"/> followed by spaces up to <paramref name="columns"/> columns.</summary>
    public static string PadRight(string text, int columns) =>
        text + new string(' ', Math.Max(0, columns - Of(text)));

    /// <summary>Spaces then <paramref name="text"/>, right-aligned in <paramref name="columns"/> columns.</summary>
    public static string PadLeft(string text, int columns) =>
        new string(' ', Math.Max(0, columns - Of(text))) + text;

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="columns"/> columns, ending in <c>…</c> when cut.
    /// </summary>
    public static string Truncate(string text, int columns)
    {
        if (Of(text) <= columns) return text;
        var builder = new StringBuilder();
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = Of(rune);
            if (used + w > columns - 1) break;
            builder.Append(rune.ToString());
            used += w;
        }
        return builder.Append('…').ToString();
    }

    // East Asian Wide and Fullwidth blocks (Unicode UAX #11), the ones Japanese text uses and the emoji blocks.
    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0x303E
            or >= 0x3041 and <= 0x33FF
            or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF
            or >= 0xA000 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F
            or >= 0x1F900 and <= 0x1F9FF
            or >= 0x20000 and <= 0x3FFFD;
}
