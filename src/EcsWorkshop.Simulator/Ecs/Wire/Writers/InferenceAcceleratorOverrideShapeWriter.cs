using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="InferenceAcceleratorOverrideShape"/>: an inference accelerator override. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class InferenceAcceleratorOverrideShapeWriter
{
    private static readonly JsonEncodedText DeviceName = JsonEncodedText.Encode("deviceName");
    private static readonly JsonEncodedText DeviceType = JsonEncodedText.Encode("deviceType");

    public static void Write(Utf8JsonWriter writer, InferenceAcceleratorOverrideShape value)
    {
        writer.WriteStartObject();
        writer.Member(DeviceName, value.DeviceName);
        writer.Member(DeviceType, value.DeviceType);
        writer.WriteEndObject();
    }
}
