using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>What kind of JSON value a wire member holds, as the AWS JSON 1.1 model would say.</summary>
public enum WireKind { Text, Integer, Decimal, Flag, Timestamp, List, Map, Structure, Document }

/// <summary>One member of a request shape: its JSON name and its declared .NET type.</summary>
public sealed record WireMember(string Name, Type Type)
{
    public WireKind Kind => WireShapes.KindOf(Type);
}

/// <summary>
/// Reads request shapes by reflection, through the very JSON contract the simulator deserialises with
/// (<see cref="AwsJson.Options"/>), so member names and types are exactly what the wire expects.
/// </summary>
public static class WireShapes
{
    /// <summary>The kind of JSON value a type is read from.</summary>
    public static WireKind KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsEnum) return WireKind.Text;
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return WireKind.Integer;
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return WireKind.Decimal;
        if (type == typeof(bool)) return WireKind.Flag;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return WireKind.Timestamp;
        if (type == typeof(JsonElement) || type == typeof(object) || typeof(JsonNode).IsAssignableFrom(type)) return WireKind.Document;
        return AwsJson.Options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => WireKind.List,
            JsonTypeInfoKind.Dictionary => WireKind.Map,
            JsonTypeInfoKind.Object => WireKind.Structure,
            _ => WireKind.Document,
        };
    }

    /// <summary>The settable members of a structure shape (not the catch-all of unmodelled members).</summary>
    public static IReadOnlyList<WireMember> MembersOf(Type type) =>
        [.. AwsJson.Options.GetTypeInfo(type).Properties
            .Where(p => p.Set is not null && !p.IsExtensionData)
            .Select(p => new WireMember(p.Name, p.PropertyType))];

    /// <summary>The element type of a list or the value type of a map.</summary>
    public static Type ElementOf(Type type) =>
        AwsJson.Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type).ElementType
        ?? throw new ArgumentException($"{type} is neither a list nor a map.");

    /// <summary>
    /// A plausible value for a member: the kind it expects, with names taken from <paramref name="names"/> (by member
    /// name) where it has one, so that a generated request reaches past "not found" into the operation's checks.
    /// </summary>
    public static JsonNode? Plausible(Type type, string member, Func<string, string?> names, int depth = 0)
    {
        switch (KindOf(type))
        {
            case WireKind.Text: return names(member) ?? "fuzz";
            case WireKind.Integer: return 1;
            case WireKind.Decimal: return 1.5;
            case WireKind.Flag: return true;
            case WireKind.Timestamp: return 1_796_000_000;
            case WireKind.Document: return new JsonObject();
            case WireKind.List:
                return depth > 4 ? new JsonArray() : new JsonArray(Plausible(ElementOf(type), Singular(member), names, depth + 1));
            case WireKind.Map:
                return depth > 4 ? new JsonObject() : new JsonObject { ["key"] = Plausible(ElementOf(type), member, names, depth + 1) };
            default:
                var structure = new JsonObject();
                if (depth > 4) return structure;
                foreach (var inner in MembersOf(type))
                    structure[inner.Name] = Plausible(inner.Type, inner.Name, names, depth + 1);
                return structure;
        }
    }

    private static string Singular(string member) =>
        member.EndsWith("ies", StringComparison.Ordinal) ? member[..^3] + "y"
        : member.EndsWith('s') ? member[..^1]
        : member;
}
