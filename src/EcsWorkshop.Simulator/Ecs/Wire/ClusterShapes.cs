namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed class ClusterShape
{
    public string? ClusterArn { get; set; }
    public string? ClusterName { get; set; }
    public string? Status { get; set; }
    public int RegisteredContainerInstancesCount { get; set; }
    public int RunningTasksCount { get; set; }
    public int PendingTasksCount { get; set; }
    public int ActiveServicesCount { get; set; }
    public List<KeyValuePairShape>? Statistics { get; set; }
    public List<TagShape>? Tags { get; set; }
    public List<ClusterSettingShape>? Settings { get; set; }
    public List<string>? CapacityProviders { get; set; }
    public List<CapacityProviderStrategyItemShape>? DefaultCapacityProviderStrategy { get; set; }
}

public sealed class ClusterSettingShape
{
    public string? Name { get; set; }
    public string? Value { get; set; }
}

public sealed class CreateClusterRequest
{
    public string? ClusterName { get; set; }
    public List<TagShape>? Tags { get; set; }
    public List<ClusterSettingShape>? Settings { get; set; }
    public List<string>? CapacityProviders { get; set; }
    public List<CapacityProviderStrategyItemShape>? DefaultCapacityProviderStrategy { get; set; }
}

public sealed class CreateClusterResponse
{
    public ClusterShape? Cluster { get; set; }
}

public sealed class DescribeClustersRequest
{
    public List<string>? Clusters { get; set; }
    public List<string>? Include { get; set; }
}

public sealed class DescribeClustersResponse
{
    public List<ClusterShape> Clusters { get; set; } = [];
    public List<FailureShape> Failures { get; set; } = [];
}

public sealed class ListClustersRequest
{
    public string? NextToken { get; set; }
    public int? MaxResults { get; set; }
}

public sealed class ListClustersResponse
{
    public List<string> ClusterArns { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class DeleteClusterRequest
{
    public string? Cluster { get; set; }
}

public sealed class DeleteClusterResponse
{
    public ClusterShape? Cluster { get; set; }
}

public sealed class PutClusterCapacityProvidersRequest
{
    public string? Cluster { get; set; }
    public List<string>? CapacityProviders { get; set; }
    public List<CapacityProviderStrategyItemShape>? DefaultCapacityProviderStrategy { get; set; }
}

public sealed class PutClusterCapacityProvidersResponse
{
    public ClusterShape? Cluster { get; set; }
}
