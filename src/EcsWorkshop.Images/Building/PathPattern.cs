using System.Text;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Images.Building;

/// <summary>
/// A path pattern as docker matches them in <c>.dockerignore</c> and COPY sources: <c>*</c> any characters but
/// <c>/</c>, <c>?</c> one such character, <c>[a-z]</c> a class (<c>[^…]</c> negated), <c>**</c> any number of
/// directories, and the escape <c>\</c>. Paths are relative to the build context and use <c>/</c>.
/// </summary>
public sealed class PathPattern
{
    private readonly Regex _regex;

    public PathPattern(string pattern)
    {
        Text = pattern;
        _regex = new Regex(ToRegex(pattern), RegexOptions.CultureInvariant);
    }

    /// <summary>The pattern as written (cleaned).</summary>
    public string Text { get; }

    /// <summary>True when the pattern has wildcards (so it can match several paths).</summary>
    public static bool HasWildcards(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>True when the pattern matches the whole path.</summary>
    public bool Matches(string path) => _regex.IsMatch(path);

    /// <summary>True when the pattern matches the path or one of its parent directories.</summary>
    public bool MatchesOrParentMatches(string path)
    {
        if (Matches(path)) return true;
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (Matches(path[..slash])) return true;
        }
        return false;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                        regex.Append("(?:.*/)?");
                    }
                    else
                    {
                        regex.Append(".*");
                    }
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                {
                    var end = pattern.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }
                    var body = pattern[(i + 1)..end];
                    var negated = body.StartsWith('^') || body.StartsWith('!');
                    if (negated) body = body[1..];
                    regex.Append(negated ? "[^/" : "[").Append(body.Replace(@"\", @"\\").Replace("[", @"\[")).Append(']');
                    i = end;
                    break;
                }
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return regex.Append('$').ToString();
    }
}
