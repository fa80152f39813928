using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="LoadBalancerShape"/>: a service's load balancer (a target group). Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class LoadBalancerShapeWriter
{
    private static readonly JsonEncodedText TargetGroupArn = JsonEncodedText.Encode("targetGroupArn");
    private static readonly JsonEncodedText ContainerName = JsonEncodedText.Encode("containerName");
    private static readonly JsonEncodedText ContainerPort = JsonEncodedText.Encode("containerPort");

    public static void Write(Utf8JsonWriter writer, LoadBalancerShape value)
    {
        writer.WriteStartObject();
        writer.Member(TargetGroupArn, value.TargetGroupArn);
        writer.Member(ContainerName, value.ContainerName);
        writer.Member(ContainerPort, value.ContainerPort);
        writer.WriteEndObject();
    }
}
