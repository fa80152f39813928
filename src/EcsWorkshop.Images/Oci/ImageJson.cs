using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace EcsWorkshop.Images.Oci;

/// <summary>
/// How image documents are written and read: compact JSON in declaration order with sorted maps, so the same
/// document always has the same bytes (and so the same digest); non-ASCII text is kept readable.
/// </summary>
public static class ImageJson
{
    /// <summary>The serializer options for every OCI document.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    /// <summary>The canonical bytes of a document.</summary>
    public static byte[] Serialize<T>(T document) => JsonSerializer.SerializeToUtf8Bytes(document, Options);

    /// <summary>Reads a document, or throws <see cref="InvalidDataException"/> naming what was being read.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> bytes, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Options) ?? throw new InvalidDataException($"The {what} is empty (null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The {what} is not valid JSON: {e.Message}", e);
        }
    }
}

/// <summary>Writes a <see cref="Digest"/> as its <c>sha256:…</c> string.</summary>
public sealed class DigestJsonConverter : JsonConverter<Digest>
{
    public override Digest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Digest.TryParse(reader.GetString(), out var digest) ? digest : throw new JsonException($"'{reader.GetString()}' is not a sha256 digest.");

    public override void Write(Utf8JsonWriter writer, Digest value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

/// <summary>A set written as a JSON object whose values are empty objects: <c>{"80/tcp":{}}</c> (ports, volumes).</summary>
public sealed class JsonObjectSetConverter : JsonConverter<ImmutableSortedSet<string>>
{
    public override ImmutableSortedSet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? ImmutableSortedSet.CreateRange(StringComparer.Ordinal, document.RootElement.EnumerateObject().Select(p => p.Name))
            : ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
    }

    public override void Write(Utf8JsonWriter writer, ImmutableSortedSet<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var item in value.Order(StringComparer.Ordinal))
        {
            writer.WriteStartObject(item);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}

/// <summary>A string map (labels, annotations) read with and written in ordinal key order, whatever the culture.</summary>
public sealed class OrdinalMapJsonConverter : JsonConverter<ImmutableSortedDictionary<string, string>>
{
    public override ImmutableSortedDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, string?>>(ref reader, options) ?? [];
        return map.ToImmutableSortedDictionary(p => p.Key, p => p.Value ?? "", StringComparer.Ordinal);
    }

    public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in value.OrderBy(p => p.Key, StringComparer.Ordinal)) writer.WriteString(key, item);
        writer.WriteEndObject();
    }
}
