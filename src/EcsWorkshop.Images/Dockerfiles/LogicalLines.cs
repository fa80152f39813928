using System.Text.RegularExpressions;

namespace EcsWorkshop.Images.Dockerfiles;

/// <summary>One instruction as written: the line it starts on and its text with continuation lines joined.</summary>
internal sealed record LogicalLine(int Line, string Text);

/// <summary>
/// Splits Dockerfile text into instructions the way docker's parser does: parser directives (<c># escape=`</c>) at
/// the very top, comment lines dropped (also inside a continued instruction), empty lines skipped, and a line ending
/// in the escape character continued on the next line.
/// </summary>
internal static partial class LogicalLines
{
    [GeneratedRegex(@"^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*?)\s*$")]
    private static partial Regex Directive();

    /// <summary>The escape character and the instructions of a Dockerfile.</summary>
    public static (char Escape, IReadOnlyList<LogicalLine> Lines) Read(string text)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        var escape = '\\';
        var index = 0;
        for (; index < lines.Length; index++)
        {
            var match = Directive().Match(lines[index]);
            if (!match.Success) break;
            if (match.Groups[1].Value.Equals("escape", StringComparison.OrdinalIgnoreCase))
            {
                escape = match.Groups[2].Value switch
                {
                    "\\" => '\\',
                    "`" => '`',
                    var other => throw DockerfileErrors.Syntax(index + 1, "# escape", $"invalid escape character '{other}'; use \\ or `.",
                        $"エスケープ文字 '{other}' は使えません。\\ か ` を指定してください。"),
                };
            }
        }

        var result = new List<LogicalLine>();
        while (index < lines.Length)
        {
            var start = index;
            var line = lines[index++].TrimStart();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var text2 = line;
            while (EndsWithContinuation(text2, escape, out var withoutEscape))
            {
                text2 = withoutEscape;
                string? next = null;
                while (index < lines.Length)
                {
                    var candidate = lines[index++];
                    var trimmed = candidate.TrimStart();
                    if (trimmed.StartsWith('#') || trimmed.Length == 0) continue;
                    next = candidate;
                    break;
                }
                if (next is null) break;
                text2 += next;
            }
            result.Add(new LogicalLine(start + 1, text2.Trim()));
        }
        return (escape, result);
    }

    private static bool EndsWithContinuation(string text, char escape, out string withoutEscape)
    {
        var trimmed = text.TrimEnd(' ', '\t');
        if (trimmed.Length > 0 && trimmed[^1] == escape)
        {
            withoutEscape = trimmed[..^1];
            return true;
        }
        withoutEscape = text;
        return false;
    }
}
