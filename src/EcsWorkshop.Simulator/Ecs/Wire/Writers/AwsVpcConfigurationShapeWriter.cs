using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Wire.Writers;

/// <summary>Writes <see cref="AwsVpcConfigurationShape"/>: the subnets, security groups and public IP setting of an awsvpc network configuration. Members in the shape's order; same bytes as <see cref="AwsJson.Options"/>.</summary>
public static class AwsVpcConfigurationShapeWriter
{
    private static readonly JsonEncodedText Subnets = JsonEncodedText.Encode("subnets");
    private static readonly JsonEncodedText SecurityGroups = JsonEncodedText.Encode("securityGroups");
    private static readonly JsonEncodedText AssignPublicIp = JsonEncodedText.Encode("assignPublicIp");

    public static void Write(Utf8JsonWriter writer, AwsVpcConfigurationShape value)
    {
        writer.WriteStartObject();
        writer.Member(Subnets, value.Subnets);
        writer.Member(SecurityGroups, value.SecurityGroups);
        writer.Member(AssignPublicIp, value.AssignPublicIp);
        writer.WriteEndObject();
    }
}
