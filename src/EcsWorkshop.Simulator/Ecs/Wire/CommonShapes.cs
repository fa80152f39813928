namespace EcsWorkshop.Simulator.Ecs.Wire;

// Wire shapes shared by several ECS operations. Member names follow the ECS API model (lowerCamel on the wire).

public sealed class TagShape
{
    public string? Key { get; set; }
    public string? Value { get; set; }
}

public sealed class FailureShape
{
    public string? Arn { get; set; }
    public string? Reason { get; set; }
    public string? Detail { get; set; }
}

public sealed class KeyValuePairShape
{
    public string? Name { get; set; }
    public string? Value { get; set; }
}

public sealed class CapacityProviderStrategyItemShape
{
    public string? CapacityProvider { get; set; }
    public int? Weight { get; set; }
    public int? Base { get; set; }
}

public sealed class EmptyShape;

public sealed class NetworkConfigurationShape
{
    public AwsVpcConfigurationShape? AwsvpcConfiguration { get; set; }
}

public sealed class AwsVpcConfigurationShape
{
    public List<string>? Subnets { get; set; }
    public List<string>? SecurityGroups { get; set; }
    public string? AssignPublicIp { get; set; }
}
