using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Errors;

/// <summary>
/// Messages written with named holes (<c>Cluster name … but was {name}</c>). A hole is a plain name in braces;
/// any other brace (<c>{1,255}</c>, <c>{imageDigest:'…'}</c>) is literal text.
/// </summary>
public static partial class MessageTemplate
{
    /// <summary>The names of the template's holes, in order of first appearance.</summary>
    public static ImmutableArray<string> Holes(string template) =>
        [.. HolePattern().Matches(template).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>The template with its holes filled by <paramref name="values"/>, in the order of <paramref name="holes"/>.</summary>
    public static string Format(string id, string template, ImmutableArray<string> holes, object?[] values)
    {
        if (values.Length != holes.Length)
            throw new ArgumentException($"{id} takes {holes.Length} value(s), not {values.Length}.", nameof(values));
        return HolePattern().Replace(template, m => Text(values[holes.IndexOf(m.Groups[1].Value)]));
    }

    /// <summary>The template filled with <paramref name="examples"/> (a hole without one shows its own name).</summary>
    public static string Example(string id, string template, ImmutableArray<string> holes, ImmutableArray<string> examples) =>
        Format(id, template, holes, [.. holes.Select((hole, i) => (object?)(i < examples.Length ? examples[i] : hole))]);

    private static string Text(object? value) => value switch
    {
        null => "null",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex HolePattern();
}
