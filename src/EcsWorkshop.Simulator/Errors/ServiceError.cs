using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Errors;

/// <summary>
/// One error a simulated service can answer with, as a value: a stable <see cref="Id"/> (what the Japanese
/// catalogue keys on), the AWS error code, the HTTP status and the message template. A template names its
/// holes <c>{likeThis}</c>; <see cref="With"/> fills them in order of appearance. Braces not around a plain
/// name (<c>{1,255}</c>, <c>{imageDigest:'…'}</c>) are literal text.
/// </summary>
public sealed partial record ServiceError(string Id, string Code, HttpStatusCode Status, string Template)
{
    /// <summary>A client error (400).</summary>
    public ServiceError(string id, string code, string template) : this(id, code, HttpStatusCode.BadRequest, template)
    {
    }

    /// <summary>The names of the template's holes, in order of first appearance.</summary>
    public ImmutableArray<string> Holes { get; } = [.. HolePattern().Matches(Template).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>Values to show the template with in tests and in the catalogue check, one per hole (the hole's name when absent).</summary>
    public ImmutableArray<string> Examples { get; init; } = [];

    /// <summary>The message with the holes filled by <paramref name="values"/>, in order.</summary>
    public string Format(params object?[] values)
    {
        if (values.Length != Holes.Length)
            throw new ArgumentException($"{Id} takes {Holes.Length} value(s), not {values.Length}.", nameof(values));
        return HolePattern().Replace(Template, m => Text(values[Holes.IndexOf(m.Groups[1].Value)]));
    }

    /// <summary>The message shown with <see cref="Examples"/> (or each hole's name).</summary>
    public string ExampleMessage() =>
        Format([.. Holes.Select((hole, i) => (object?)(i < Examples.Length ? Examples[i] : hole))]);

    /// <summary>The domain error: this error with its holes filled.</summary>
    public DomainError With(params object?[] values) => new(this, Format(values));

    /// <summary>Every <see cref="ServiceError"/> a list class declares as a public static field, in declaration order.</summary>
    public static ImmutableArray<ServiceError> DeclaredBy(Type list) =>
    [
        .. list.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ServiceError))
            .Select(f => (ServiceError)f.GetValue(null)!),
    ];

    private static string Text(object? value) => value switch
    {
        null => "null",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex HolePattern();
}
