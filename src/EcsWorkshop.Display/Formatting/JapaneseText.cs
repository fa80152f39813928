using System.Collections.Immutable;
using System.Text;

namespace EcsWorkshop.Display.Formatting;

/// <summary>One piece of a <see cref="JapaneseText"/>: prose, or a code word (a parameter, a value, a command).</summary>
public sealed record TextRun(string Text, bool IsCode);

/// <summary>
/// A short Japanese text made of prose and code runs. Written as a template where <c>`backticks`</c> mark code and
/// <c>{name}</c> is filled with a value; values are inserted after the template is split into runs, so a value
/// (which may come from AWS or the user) can never open a code span or inject markup. Renderers encode every run.
/// </summary>
public sealed record JapaneseText(ImmutableArray<TextRun> Runs)
{
    /// <summary>An empty text.</summary>
    public static JapaneseText Empty { get; } = new(ImmutableArray<TextRun>.Empty);

    /// <summary>Whether there is nothing to show.</summary>
    public bool IsEmpty => Runs.IsDefaultOrEmpty || Runs.All(r => r.Text.Length == 0);

    /// <summary>Plain prose, no code runs, no placeholders.</summary>
    public static JapaneseText Plain(string text) => new([new TextRun(text, false)]);

    /// <summary>
    /// The template split at its backticks, each <c>{name}</c> replaced by <paramref name="values"/>[name]
    /// (a missing name is left as written).
    /// </summary>
    public static JapaneseText From(string template, IReadOnlyDictionary<string, string>? values = null)
    {
        var runs = ImmutableArray.CreateBuilder<TextRun>();
        var parts = template.Split('`');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0) continue;
            runs.Add(new TextRun(Fill(parts[i], values), IsCode: i % 2 == 1));
        }
        return new JapaneseText(runs.ToImmutable());
    }

    /// <summary>The text with code runs in backticks, as a console shows it.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var run in Runs) builder.Append(run.IsCode ? $"`{run.Text}`" : run.Text);
        return builder.ToString();
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null || values.Count == 0 || !text.Contains('{')) return text;
        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                builder.Append(text, position, text.Length - position);
                break;
            }
            builder.Append(text, position, open - position);
            var name = text[(open + 1)..close];
            builder.Append(values.TryGetValue(name, out var value) ? value : text[open..(close + 1)]);
            position = close + 1;
        }
        return builder.ToString();
    }
}
