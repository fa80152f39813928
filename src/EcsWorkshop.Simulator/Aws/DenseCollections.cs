using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// AWS's lists and maps are dense: an element or a value may not be null. A deserialised request is walked through
/// the same JSON contract it was read with, so a null hidden anywhere in it is found before any handler sees it.
/// </summary>
public static class DenseCollections
{
    /// <summary>Where the first null list element or map value is (for example <c>tasks[0]</c>), or null when there is none.</summary>
    public static string? FirstNull(object value, JsonSerializerOptions options) => Find(value, options.GetTypeInfo(value.GetType()), "", options);

    private static string? Find(object value, JsonTypeInfo info, string path, JsonSerializerOptions options)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in info.Properties)
                {
                    if (property.Get is null || property.IsExtensionData || property.Get(value) is not { } member) continue;
                    var found = Find(member, options.GetTypeInfo(member.GetType()), path.Length == 0 ? property.Name : $"{path}.{property.Name}", options);
                    if (found is not null) return found;
                }
                return null;
            case JsonTypeInfoKind.Dictionary when value is IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    var at = $"{path}.{entry.Key}";
                    if (entry.Value is null) return at;
                    if (Find(entry.Value, options.GetTypeInfo(entry.Value.GetType()), at, options) is { } found) return found;
                }
                return null;
            case JsonTypeInfoKind.Enumerable when value is IEnumerable list:
                var index = 0;
                foreach (var element in list)
                {
                    var at = $"{path}[{index++}]";
                    if (element is null) return at;
                    if (Find(element, options.GetTypeInfo(element.GetType()), at, options) is { } found) return found;
                }
                return null;
            default:
                return null;
        }
    }
}
