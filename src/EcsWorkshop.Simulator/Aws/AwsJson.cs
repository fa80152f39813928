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

        /// <summary>Epoch seconds (see <see cref="WriteEpochSeconds"/>).</summary>
        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            WriteEpochSeconds(writer, value);
    }

    /// <summary>
    /// Writes a timestamp as AWS JSON does: epoch seconds with at least one decimal and at most three
    /// (milliseconds), trailing zeros dropped: <c>1733540000.0</c>, <c>1733540000.25</c>, <c>1733540000.125</c>.
    /// Formatted straight into UTF-8 bytes (every answer carries dozens of timestamps; a decimal division and a
    /// string each were a sixth of DescribeServices' serialisation). Used by <see cref="EpochSecondsConverter"/>
    /// and by the hand-written answer writers.
    /// </summary>
    public static void WriteEpochSeconds(Utf8JsonWriter writer, DateTimeOffset value)
    {
        var milliseconds = value.ToUnixTimeMilliseconds();
        if (milliseconds < 0)
        {
            writer.WriteRawValue((milliseconds / 1000m).ToString("0.0##", CultureInfo.InvariantCulture));
            return;
        }
        Span<byte> text = stackalloc byte[32];
        var seconds = milliseconds / 1000;
        var fraction = (int)(milliseconds % 1000);
        System.Buffers.Text.Utf8Formatter.TryFormat(seconds, text, out var length);
        text[length++] = (byte)'.';
        text[length++] = (byte)('0' + fraction / 100);
        if (fraction % 100 != 0)
        {
            text[length++] = (byte)('0' + fraction / 10 % 10);
            if (fraction % 10 != 0) text[length++] = (byte)('0' + fraction % 10);
        }
        writer.WriteRawValue(text[..length], skipInputValidation: true);
    }
}
