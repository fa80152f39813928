using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsWorkshop.Simulator.Storage;

/// <summary>How domain values are written into the store: their own member names, enums by name.</summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            IgnoreReadOnlyProperties = true,
            // Records keep some request members as the user sent them, which may be as deep as a request may be
            // (64 levels), inside the records' own levels.
            MaxDepth = 256,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
