using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="NetworkConfigurationShape"/>: a network configuration (awsvpc). Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class NetworkConfigurationShapeWriter
{
    private static readonly JsonEncodedText AwsvpcConfiguration = JsonEncodedText.Encode("awsvpcConfiguration");

    public static void Write(Utf8JsonWriter writer, NetworkConfigurationShape value)
    {
        writer.WriteStartObject();
        writer.Member(AwsvpcConfiguration, value.AwsvpcConfiguration, AwsVpcConfigurationShapeWriter.Write);
        writer.WriteEndObject();
    }
}
