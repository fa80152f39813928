namespace EcsWorkshop.Aws.Ecs.Model;

// ECS wire shapes shared by several resources, named as in the ECS API model. Every member is optional on the
// wire (null = omitted), so value types are nullable; what AWS requires is marked `required` on requests.

/// <summary>A resource tag (<c>key</c>, <c>value</c>).</summary>
public sealed record Tag(string Key, string? Value);

/// <summary>A name and a value (the model's <c>KeyValuePair</c>): environment variables, attachment details.</summary>
public sealed record NameValuePair(string? Name, string? Value);

/// <summary>An item a batch call could not answer for, with the reason (for example <c>MISSING</c>).</summary>
public sealed record Failure
{
    public string? Arn { get; init; }
    public string? Reason { get; init; }
    public string? Detail { get; init; }
}

/// <summary>The task networking of an awsvpc task or service.</summary>
public sealed record NetworkConfiguration
{
    public AwsVpcConfiguration? AwsvpcConfiguration { get; init; }
}

/// <summary>Subnets, security groups and whether the task gets a public IP (<c>ENABLED</c>/<c>DISABLED</c>).</summary>
public sealed record AwsVpcConfiguration
{
    public IReadOnlyList<string>? Subnets { get; init; }
    public IReadOnlyList<string>? SecurityGroups { get; init; }
    public string? AssignPublicIp { get; init; }
}

/// <summary>One capacity provider of a strategy.</summary>
public sealed record CapacityProviderStrategyItem
{
    public required string CapacityProvider { get; init; }
    public int? Weight { get; init; }
    public int? Base { get; init; }
}

/// <summary>The string values ECS uses, as constants.</summary>
public static class LaunchTypes
{
    public const string Fargate = "FARGATE";
    public const string Ec2 = "EC2";
    public const string External = "EXTERNAL";
}

/// <summary>The Fargate capacity providers, which every account has and a cluster only needs to be associated with.</summary>
public static class CapacityProviders
{
    public const string Fargate = "FARGATE";
    public const string FargateSpot = "FARGATE_SPOT";
}

/// <summary>Task definition network modes.</summary>
public static class NetworkModes
{
    public const string Awsvpc = "awsvpc";
    public const string Bridge = "bridge";
    public const string Host = "host";
    public const string None = "none";
}

/// <summary>Launch types a task definition can be checked against (<c>requiresCompatibilities</c>): the launch types' own names.</summary>
public static class Compatibilities
{
    public const string Fargate = LaunchTypes.Fargate;
    public const string Ec2 = LaunchTypes.Ec2;
    public const string External = LaunchTypes.External;
}

/// <summary>Whether an awsvpc task gets a public IP.</summary>
public static class AssignPublicIpValues
{
    public const string Enabled = "ENABLED";
    public const string Disabled = "DISABLED";
}

/// <summary>The statuses a task can be asked to be in (and listed by).</summary>
public static class DesiredStatuses
{
    public const string Running = "RUNNING";
    public const string Pending = "PENDING";
    public const string Stopped = "STOPPED";
}

/// <summary>Log drivers a container can use.</summary>
public static class LogDrivers
{
    public const string AwsLogs = "awslogs";
}

/// <summary>CPU architectures of <see cref="RuntimePlatform"/>.</summary>
public static class CpuArchitectures
{
    public const string X86_64 = "X86_64";
    public const string Arm64 = "ARM64";
}
