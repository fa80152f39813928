using System.Text;

namespace EcsWorkshop.Images.Dockerfiles;

/// <summary>A word that cannot be expanded (an unterminated quote, a <c>${VAR:?message}</c> with VAR unset).</summary>
internal sealed class WordExpansionException(string message) : Exception(message);

/// <summary>
/// Docker's word processing: quotes are removed (nothing is expanded inside single quotes), the escape character
/// makes the next character literal, and <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>,
/// <c>${VAR:+alternative}</c>, <c>${VAR+alternative}</c>, <c>${VAR:?message}</c> and <c>${VAR?message}</c> are
/// substituted from <paramref name="lookup"/> (null means unset; unset expands to nothing).
/// </summary>
internal sealed class WordExpander(char escape, Func<string, string?> lookup)
{
    /// <summary>The word with quotes removed and variables substituted.</summary>
    public string Expand(string word)
    {
        var output = new StringBuilder();
        var i = 0;
        while (i < word.Length)
        {
            var c = word[i];
            if (c == '\'')
            {
                var end = word.IndexOf('\'', i + 1);
                if (end < 0) throw new WordExpansionException("unexpected end of statement while looking for matching single-quote");
                output.Append(word, i + 1, end - i - 1);
                i = end + 1;
            }
            else if (c == '"')
            {
                i = ExpandDoubleQuoted(word, i + 1, output);
            }
            else if (c == escape)
            {
                if (i + 1 < word.Length)
                {
                    output.Append(word[i + 1]);
                    i += 2;
                }
                else
                {
                    output.Append(c);
                    i++;
                }
            }
            else if (c == '$')
            {
                i = ExpandVariable(word, i, output);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }
        return output.ToString();
    }

    private int ExpandDoubleQuoted(string word, int i, StringBuilder output)
    {
        while (i < word.Length)
        {
            var c = word[i];
            if (c == '"') return i + 1;
            if (c == escape && i + 1 < word.Length && (word[i + 1] == '"' || word[i + 1] == '$' || word[i + 1] == escape))
            {
                output.Append(word[i + 1]);
                i += 2;
            }
            else if (c == '$')
            {
                i = ExpandVariable(word, i, output);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }
        throw new WordExpansionException("unexpected end of statement while looking for matching double-quote");
    }

    /// <summary>Expands the variable at <paramref name="i"/> (a <c>$</c>) and returns the index after it.</summary>
    private int ExpandVariable(string word, int i, StringBuilder output)
    {
        if (i + 1 >= word.Length)
        {
            output.Append('$');
            return i + 1;
        }
        if (word[i + 1] == '{') return ExpandBraced(word, i + 2, output);
        var end = i + 1;
        while (end < word.Length && IsNameChar(word[end], first: end == i + 1)) end++;
        if (end == i + 1)
        {
            output.Append('$');
            return i + 1;
        }
        output.Append(lookup(word[(i + 1)..end]) ?? "");
        return end;
    }

    private int ExpandBraced(string word, int i, StringBuilder output)
    {
        var nameEnd = i;
        while (nameEnd < word.Length && IsNameChar(word[nameEnd], first: nameEnd == i)) nameEnd++;
        var name = word[i..nameEnd];
        if (name.Length == 0) throw new WordExpansionException($"bad substitution in '{word}'");
        var close = MatchingBrace(word, nameEnd);
        var modifier = word[nameEnd..close];
        var value = lookup(name);
        output.Append(modifier switch
        {
            "" => value ?? "",
            _ when modifier.StartsWith(":-") => string.IsNullOrEmpty(value) ? Expand(modifier[2..]) : value,
            _ when modifier.StartsWith(":+") => string.IsNullOrEmpty(value) ? "" : Expand(modifier[2..]),
            _ when modifier.StartsWith(":?") => string.IsNullOrEmpty(value) ? throw Required(name, modifier[2..]) : value,
            _ when modifier.StartsWith('-') => value ?? Expand(modifier[1..]),
            _ when modifier.StartsWith('+') => value is null ? "" : Expand(modifier[1..]),
            _ when modifier.StartsWith('?') => value ?? throw Required(name, modifier[1..]),
            _ => throw new WordExpansionException($"unsupported modifier in '${{{name}{modifier}}}'"),
        });
        return close + 1;
    }

    private WordExpansionException Required(string name, string message) =>
        new(message.Length > 0 ? $"{name}: {Expand(message)}" : $"{name} is not set");

    private static int MatchingBrace(string word, int from)
    {
        var depth = 0;
        for (var i = from; i < word.Length; i++)
        {
            if (word[i] == '{') depth++;
            else if (word[i] == '}')
            {
                if (depth == 0) return i;
                depth--;
            }
        }
        throw new WordExpansionException($"missing '}}' in '{word}'");
    }

    private static bool IsNameChar(char c, bool first) => c == '_' || char.IsAsciiLetter(c) || (!first && char.IsAsciiDigit(c));

    /// <summary>
    /// Splits text into words at whitespace outside quotes, keeping quotes and escapes in the words (they are
    /// removed when each word is expanded).
    /// </summary>
    public static List<string> SplitWords(string text, char escape)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\0' && char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(current.ToString());
                current.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            current.Append(c);
            if (c == escape && quote != '\'' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
            }
            else if (quote == '\0' && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = '\0';
            }
        }
        if (inWord) words.Add(current.ToString());
        return words;
    }
}
