using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="NetworkInterfaceShape"/>: a container's network interface. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class NetworkInterfaceShapeWriter
{
    private static readonly JsonEncodedText AttachmentId = JsonEncodedText.Encode("attachmentId");
    private static readonly JsonEncodedText PrivateIpv4Address = JsonEncodedText.Encode("privateIpv4Address");

    public static void Write(Utf8JsonWriter writer, NetworkInterfaceShape value)
    {
        writer.WriteStartObject();
        writer.Member(AttachmentId, value.AttachmentId);
        writer.Member(PrivateIpv4Address, value.PrivateIpv4Address);
        writer.WriteEndObject();
    }
}
