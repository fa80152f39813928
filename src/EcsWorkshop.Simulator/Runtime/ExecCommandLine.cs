using System.Text;

namespace EcsWorkshop.Simulator.Runtime;

/// <summary>
/// Splits ECS Exec's <c>command</c> string into arguments as a shell splits words: spaces separate, single and double
/// quotes group (no variables, pipes or globbing: for those, run <c>sh -c '…'</c>).
/// </summary>
public static class ExecCommandLine
{
    public static IReadOnlyList<string> Split(string command)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in command)
        {
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else current.Append(c);
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(current.ToString());
                current.Clear();
                inWord = false;
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        if (quote is not null) throw new FormatException("The command has an unclosed quote.");
        if (inWord) words.Add(current.ToString());
        return words;
    }
}
