namespace EcsWorkshop.Display.Views;

/// <summary>A cluster as a step shows it (from <c>CreateCluster</c> or <c>DescribeClusters</c>).</summary>
public sealed record ClusterView
{
    /// <summary>The cluster name.</summary>
    public required string Name { get; init; }

    /// <summary>The cluster ARN.</summary>
    public required string Arn { get; init; }

    /// <summary><c>ACTIVE</c>, <c>PROVISIONING</c>, <c>DEPROVISIONING</c>, <c>FAILED</c> or <c>INACTIVE</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Tasks in the RUNNING state.</summary>
    public int RunningTasksCount { get; init; }

    /// <summary>Tasks not yet RUNNING (PROVISIONING, PENDING, ACTIVATING).</summary>
    public int PendingTasksCount { get; init; }

    /// <summary>Services in the ACTIVE state.</summary>
    public int ActiveServicesCount { get; init; }

    /// <summary>EC2 or external instances registered to the cluster (zero for a Fargate-only cluster).</summary>
    public int RegisteredContainerInstancesCount { get; init; }
}
