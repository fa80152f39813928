using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsWorkshop.Aws.Transport;

/// <summary>
/// ECS and ECR timestamps: epoch <b>seconds</b> as a JSON number with a fraction (<c>1556199945.688</c>, also
/// <c>1.619719924711E9</c>). ISO 8601 strings are read too. Put on a member with <c>[JsonConverter(typeof(EpochSecondsConverter))]</c>.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000)),
            JsonTokenType.String when DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
            _ => throw new JsonException("Expected a timestamp in epoch seconds."),
        };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteRawValue((value.ToUnixTimeMilliseconds() / 1000m).ToString("0.0##", CultureInfo.InvariantCulture));
}

/// <summary>
/// CloudWatch Logs timestamps: epoch <b>milliseconds</b> as a whole JSON number (<c>1556199945688</c>).
/// Put on a member with <c>[JsonConverter(typeof(EpochMillisecondsConverter))]</c>.
/// </summary>
public sealed class EpochMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds(reader.TryGetInt64(out var whole) ? whole : (long)Math.Round(reader.GetDouble()))
            : throw new JsonException("Expected a timestamp in epoch milliseconds.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
}

/// <summary>
/// A string member that some implementations send as a number (ECS model: <c>Container.cpu</c> is a string such as
/// <c>"0"</c>; moto sends <c>0</c>). Reads numbers and booleans as their JSON text; writes a string.
/// </summary>
public sealed class NumberAsStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False =>
                System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
            _ => throw new JsonException("Expected a string or a number."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
