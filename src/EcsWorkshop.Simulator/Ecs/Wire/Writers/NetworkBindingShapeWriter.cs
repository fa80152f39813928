using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="NetworkBindingShape"/>: a container's port binding. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class NetworkBindingShapeWriter
{
    private static readonly JsonEncodedText BindIP = JsonEncodedText.Encode("bindIP");
    private static readonly JsonEncodedText ContainerPort = JsonEncodedText.Encode("containerPort");
    private static readonly JsonEncodedText HostPort = JsonEncodedText.Encode("hostPort");
    private static readonly JsonEncodedText Protocol = JsonEncodedText.Encode("protocol");

    public static void Write(Utf8JsonWriter writer, NetworkBindingShape value)
    {
        writer.WriteStartObject();
        writer.Member(BindIP, value.BindIP);
        writer.Member(ContainerPort, value.ContainerPort);
        writer.Member(HostPort, value.HostPort);
        writer.Member(Protocol, value.Protocol);
        writer.WriteEndObject();
    }
}
