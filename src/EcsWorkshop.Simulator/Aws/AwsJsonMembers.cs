using System.Text.Json;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// The members of a hand-written answer writer, written as <see cref="AwsJson.Options"/> writes them: an absent
/// (null) member is left out, a value type is always written, a timestamp is epoch seconds, a list is an array
/// (a null element is <c>null</c>). Each writer of a wire shape writes its members with these, in the order the
/// shape declares them, so its bytes are the general serializer's.
/// </summary>
public static class AwsJsonMembers
{
    public static void Member(this Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }

    public static void Member(this Utf8JsonWriter writer, JsonEncodedText name, int value) => writer.WriteNumber(name, value);

    public static void Member(this Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number) writer.WriteNumber(name, number);
    }

    public static void Member(this Utf8JsonWriter writer, JsonEncodedText name, long value) => writer.WriteNumber(name, value);

    public static void Member(this Utf8JsonWriter writer, JsonEncodedText name, bool value) => writer.WriteBoolean(name, value);

    public static void Member(this Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } flag) writer.WriteBoolean(name, flag);
    }

    public static void Member(this Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is not { } timestamp) return;
        writer.WritePropertyName(name);
        AwsJson.WriteEpochSeconds(writer, timestamp);
    }

    /// <summary>A nested shape, written by its own writer.</summary>
    public static void Member<T>(this Utf8JsonWriter writer, JsonEncodedText name, T? value, Action<Utf8JsonWriter, T> write) where T : class
    {
        if (value is null) return;
        writer.WritePropertyName(name);
        write(writer, value);
    }

    /// <summary>A list of shapes, each written by its own writer.</summary>
    public static void Member<T>(this Utf8JsonWriter writer, JsonEncodedText name, List<T>? items, Action<Utf8JsonWriter, T> write) where T : class
    {
        if (items is null) return;
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            if (item is null) writer.WriteNullValue();
            else write(writer, item);
        }
        writer.WriteEndArray();
    }

    public static void Member(this Utf8JsonWriter writer, JsonEncodedText name, List<string>? items)
    {
        if (items is null) return;
        writer.WriteStartArray(name);
        foreach (var item in items) writer.WriteStringValue(item);
        writer.WriteEndArray();
    }

    /// <summary>
    /// A list the shape types as <c>object</c> (members the simulator never fills, kept for the answer's shape):
    /// each element is written by the general serializer as its runtime type, as the serializer writes <c>object</c>.
    /// </summary>
    public static void Member(this Utf8JsonWriter writer, JsonEncodedText name, List<object>? items, JsonSerializerOptions options)
    {
        if (items is null) return;
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            if (item is null) writer.WriteNullValue();
            else JsonSerializer.Serialize(writer, item, options.GetTypeInfo(item.GetType()));
        }
        writer.WriteEndArray();
    }
}
