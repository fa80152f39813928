using System.Collections.Immutable;
using System.Net;
using System.Reflection;

namespace EcsWorkshop.Simulator.Errors;

/// <summary>
/// One error a simulated service can answer with, as a value: a stable <see cref="Id"/> (what the Japanese
/// catalogue keys on), the AWS error code, the HTTP status and the message template. A template names its
/// holes <c>{likeThis}</c>; <see cref="With"/> fills them in order of appearance. Braces not around a plain
/// name (<c>{1,255}</c>, <c>{imageDigest:'…'}</c>) are literal text.
/// </summary>
public sealed record ServiceError(string Id, string Code, HttpStatusCode Status, string Template)
{
    /// <summary>A client error (400).</summary>
    public ServiceError(string id, string code, string template) : this(id, code, HttpStatusCode.BadRequest, template)
    {
    }

    /// <summary>The names of the template's holes, in order of first appearance.</summary>
    public ImmutableArray<string> Holes { get; } = MessageTemplate.Holes(Template);

    /// <summary>Values to show the template with in tests and in the catalogue check, one per hole (the hole's name when absent).</summary>
    public ImmutableArray<string> Examples { get; init; } = [];

    /// <summary>The message with the holes filled by <paramref name="values"/>, in order.</summary>
    public string Format(params object?[] values) => MessageTemplate.Format(Id, Template, Holes, values);

    /// <summary>The message shown with <see cref="Examples"/> (or each hole's name).</summary>
    public string ExampleMessage() => MessageTemplate.Example(Id, Template, Holes, Examples);

    /// <summary>The domain error: this error with its holes filled.</summary>
    public DomainError With(params object?[] values) => new(this, Format(values));

    /// <summary>Every <see cref="ServiceError"/> a list class declares as a public static field, in declaration order.</summary>
    public static ImmutableArray<ServiceError> DeclaredBy(Type list) =>
    [
        .. list.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ServiceError))
            .Select(f => (ServiceError)f.GetValue(null)!),
    ];

}
