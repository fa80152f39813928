using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>JSON conventions of the AWS JSON 1.1 protocol: lowerCamel members, absent members omitted.</summary>
public static class AwsJson
{
    /// <summary>The content type requests and responses carry (no charset).</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>How deeply nested a request body may be.</summary>
    public const int MaxRequestDepth = 64;

    /// <summary>
    /// How deeply nested an answer may be: unmodelled members of a request are kept as sent, so they may be
    /// <see cref="MaxRequestDepth"/> deep inside the shapes around them.
    /// </summary>
    public const int MaxAnswerDepth = 4 * MaxRequestDepth;

    /// <summary>Options for wire shapes. Timestamps are written as epoch seconds.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// The same conventions for a service whose members are PascalCase on the wire (Application Auto Scaling:
    /// <c>ServiceNamespace</c>, <c>ResourceId</c>).
    /// </summary>
    public static JsonSerializerOptions PascalCaseOptions { get; } = Create(camelCase: false);

    private static JsonSerializerOptions Create(bool camelCase = true)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = camelCase ? JsonNamingPolicy.CamelCase : null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = MaxAnswerDepth,
        };
        options.Converters.Add(new EpochSecondsConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>AWS JSON timestamps: epoch seconds as a number (fractions allowed); ISO 8601 strings are read too.</summary>
    public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000));
            if (reader.TokenType == JsonTokenType.String &&
                DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return parsed;
            throw new JsonException("Expected a timestamp (epoch seconds).");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteRawValue((value.ToUnixTimeMilliseconds() / 1000m).ToString("0.0##", CultureInfo.InvariantCulture));
    }
}
