using System.Text;

namespace EcsWorkshop.Display.Tests.Support;

/// <summary>
/// Reads C# string literals out of source text, enough to collect the messages the simulator's error factories are
/// called with: regular, verbatim (<c>@</c>) and interpolated (<c>$</c>) strings, joined by <c>+</c>. An
/// interpolation hole becomes <see cref="Hole"/>, as if the simulator had filled it with a value.
/// </summary>
public static class CSharpStrings
{
    /// <summary>What an interpolation hole is read as.</summary>
    public const string Hole = "dummy";

    /// <summary>
    /// The string expression starting at <paramref name="index"/> (after whitespace): literals joined by <c>+</c>.
    /// Null when the expression there is not made of literals only (a variable, a call).
    /// </summary>
    public static string? ReadExpression(string source, int index)
    {
        var builder = new StringBuilder();
        var position = SkipSpace(source, index);
        while (true)
        {
            var literal = ReadLiteral(source, position, out var end);
            if (literal is null) return null;
            builder.Append(literal);
            position = SkipSpace(source, end);
            if (position < source.Length && source[position] == '+')
            {
                position = SkipSpace(source, position + 1);
                continue;
            }
            return position < source.Length && source[position] is ')' or ',' or ';' or ':' ? builder.ToString() : null;
        }
    }

    /// <summary>Every string literal in the source, in order (comments and character literals skipped).</summary>
    public static IEnumerable<string> AllLiterals(string source)
    {
        var position = 0;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '/' && position + 1 < source.Length && source[position + 1] == '/')
            {
                position = source.IndexOf('\n', position) is var nl and >= 0 ? nl : source.Length;
                continue;
            }
            if (c == '/' && position + 1 < source.Length && source[position + 1] == '*')
            {
                position = source.IndexOf("*/", position + 2, StringComparison.Ordinal) is var close and >= 0 ? close + 2 : source.Length;
                continue;
            }
            if (c == '\'')
            {
                position = SkipCharLiteral(source, position);
                continue;
            }
            if (IsLiteralStart(source, position))
            {
                var literal = ReadLiteral(source, position, out var end);
                if (literal is not null) yield return literal;
                position = Math.Max(end, position + 1);
                continue;
            }
            position++;
        }
    }

    private static bool IsLiteralStart(string source, int position) =>
        source[position] == '"'
        || (source[position] is '$' or '@' && position + 1 < source.Length && (source[position + 1] == '"'
            || (source[position + 1] is '$' or '@' && position + 2 < source.Length && source[position + 2] == '"')));

    /// <summary>One literal at <paramref name="position"/>; null (end = position) when there is none.</summary>
    private static string? ReadLiteral(string source, int position, out int end)
    {
        end = position;
        var interpolated = false;
        var verbatim = false;
        var p = position;
        while (p < source.Length && source[p] is '$' or '@')
        {
            if (source[p] == '$') interpolated = true;
            else verbatim = true;
            p++;
        }
        if (p >= source.Length || source[p] != '"') return null;
        if (source.AsSpan(p).StartsWith("\"\"\""))
        {
            var close = source.IndexOf("\"\"\"", p + 3, StringComparison.Ordinal);
            end = close + 3;
            return source[(p + 3)..close];
        }
        p++;
        var text = new StringBuilder();
        while (p < source.Length)
        {
            var c = source[p];
            if (c == '"')
            {
                if (verbatim && p + 1 < source.Length && source[p + 1] == '"')
                {
                    text.Append('"');
                    p += 2;
                    continue;
                }
                end = p + 1;
                return text.ToString();
            }
            if (!verbatim && c == '\\')
            {
                text.Append(Escape(source, ref p));
                continue;
            }
            if (interpolated && c == '{')
            {
                if (p + 1 < source.Length && source[p + 1] == '{')
                {
                    text.Append('{');
                    p += 2;
                    continue;
                }
                p = SkipHole(source, p);
                text.Append(Hole);
                continue;
            }
            if (interpolated && c == '}' && p + 1 < source.Length && source[p + 1] == '}')
            {
                text.Append('}');
                p += 2;
                continue;
            }
            text.Append(c);
            p++;
        }
        return null;
    }

    private static string Escape(string source, ref int p)
    {
        var next = source[p + 1];
        p += 2;
        switch (next)
        {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case '0': return "\0";
            case 'u':
                var code = Convert.ToInt32(source.Substring(p, 4), 16);
                p += 4;
                return ((char)code).ToString();
            default: return next.ToString();
        }
    }

    /// <summary>The position after the interpolation hole opened at <paramref name="open"/>.</summary>
    private static int SkipHole(string source, int open)
    {
        var depth = 0;
        var p = open;
        while (p < source.Length)
        {
            var c = source[p];
            if (c == '{') depth++;
            else if (c == '}')
            {
                depth--;
                if (depth == 0) return p + 1;
            }
            else if (c == '\'') { p = SkipCharLiteral(source, p); continue; }
            else if (IsLiteralStart(source, p))
            {
                ReadLiteral(source, p, out var end);
                p = Math.Max(end, p + 1);
                continue;
            }
            p++;
        }
        return p;
    }

    private static int SkipCharLiteral(string source, int p)
    {
        var q = p + 1;
        if (q < source.Length && source[q] == '\\') q += 2;
        else q++;
        while (q < source.Length && source[q] != '\'' && q - p < 8) q++;
        return q + 1;
    }

    private static int SkipSpace(string source, int p)
    {
        while (p < source.Length && char.IsWhiteSpace(source[p])) p++;
        return p;
    }
}
