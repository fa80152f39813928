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
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
