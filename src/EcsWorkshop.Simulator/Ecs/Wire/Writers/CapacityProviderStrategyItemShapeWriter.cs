using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="CapacityProviderStrategyItemShape"/>: one item of a capacity provider strategy. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class CapacityProviderStrategyItemShapeWriter
{
    private static readonly JsonEncodedText CapacityProvider = JsonEncodedText.Encode("capacityProvider");
    private static readonly JsonEncodedText Weight = JsonEncodedText.Encode("weight");
    private static readonly JsonEncodedText Base = JsonEncodedText.Encode("base");

    public static void Write(Utf8JsonWriter writer, CapacityProviderStrategyItemShape value)
    {
        writer.WriteStartObject();
        writer.Member(CapacityProvider, value.CapacityProvider);
        writer.Member(Weight, value.Weight);
        writer.Member(Base, value.Base);
        writer.WriteEndObject();
    }
}
