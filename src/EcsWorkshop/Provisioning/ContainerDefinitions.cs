using System.Text.Json;
using System.Text.Json.Serialization;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Steps;

namespace EcsWorkshop.Provisioning;

/// <summary>The one container of the hands-on's Fargate task definition, in ECS's shape and as the AWS CLI's JSON.</summary>
internal static class ContainerDefinitions
{
    public static ContainerDefinition Of(FargateTaskDefinition definition, string region) => new()
    {
        Name = definition.EffectiveContainerName,
        Image = definition.Image,
        Command = definition.Command is { } command ? [.. command] : null,
        Essential = true,
        PortMappings = definition.Port is { } port ? [new PortMapping { ContainerPort = port, Protocol = "tcp" }] : null,
        Environment = definition.Environment.IsEmpty ? null : [.. definition.Environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new NameValuePair(e.Key, e.Value))],
        LogConfiguration = definition.AwsLogs
            ? new LogConfiguration
            {
                LogDriver = LogDrivers.AwsLogs,
                Options = new Dictionary<string, string>
                {
                    ["awslogs-group"] = definition.EffectiveLogGroup,
                    ["awslogs-region"] = region,
                    ["awslogs-stream-prefix"] = "ecs",
                },
            }
            : null,
    };

    /// <summary>The value of <c>--container-definitions</c>: the containers as JSON, without the members left unset.</summary>
    public static string CliJson(params ContainerDefinition[] containers) => JsonSerializer.Serialize(containers, CliOptions);

    private static readonly JsonSerializerOptions CliOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
