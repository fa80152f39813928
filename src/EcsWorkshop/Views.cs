using System.Collections.Immutable;
using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Facts.Arns;

namespace EcsWorkshop;

/// <summary>The client's wire shapes as the Display project's Japanese views.</summary>
internal static class Views
{
    public static ClusterView Of(Cluster cluster) => new()
    {
        Name = cluster.ClusterName ?? "",
        Arn = cluster.ClusterArn ?? "",
        Status = cluster.Status ?? "",
        RunningTasksCount = cluster.RunningTasksCount ?? 0,
        PendingTasksCount = cluster.PendingTasksCount ?? 0,
        ActiveServicesCount = cluster.ActiveServicesCount ?? 0,
        RegisteredContainerInstancesCount = cluster.RegisteredContainerInstancesCount ?? 0,
    };

    public static TaskDefinitionView Of(TaskDefinition definition) => new()
    {
        Family = definition.Family ?? "",
        Revision = definition.Revision ?? 0,
        Arn = definition.TaskDefinitionArn,
        Status = definition.Status,
        Cpu = definition.Cpu,
        Memory = definition.Memory,
        NetworkMode = definition.NetworkMode,
        RequiresCompatibilities = [.. definition.RequiresCompatibilities ?? []],
        Compatibilities = [.. definition.Compatibilities ?? []],
        ExecutionRoleArn = definition.ExecutionRoleArn,
        TaskRoleArn = definition.TaskRoleArn,
        Containers = [.. (definition.ContainerDefinitions ?? []).Select(c => new ContainerDefinitionView
        {
            Name = c.Name ?? "",
            Image = c.Image ?? "",
            Essential = c.Essential ?? true,
            Cpu = c.Cpu,
            Memory = c.Memory,
            MemoryReservation = c.MemoryReservation,
            Ports = [.. (c.PortMappings ?? []).Where(p => p.ContainerPort is not null)
                .Select(p => new PortMappingView(p.ContainerPort!.Value, p.HostPort, p.Protocol ?? "tcp"))],
            LogDriver = c.LogConfiguration?.LogDriver,
            LogGroup = Option(c.LogConfiguration, "awslogs-group"),
            LogStreamPrefix = Option(c.LogConfiguration, "awslogs-stream-prefix"),
        })],
    };

    public static ServiceView Of(Service service) => new()
    {
        Name = service.ServiceName ?? "",
        Arn = service.ServiceArn,
        Cluster = service.ClusterArn is { } arn ? Arn.NameOf(arn) : null,
        Status = service.Status ?? "",
        DesiredCount = service.DesiredCount ?? 0,
        RunningCount = service.RunningCount ?? 0,
        PendingCount = service.PendingCount ?? 0,
        TaskDefinition = service.TaskDefinition,
        LaunchType = service.LaunchType,
        EnableExecuteCommand = service.EnableExecuteCommand == true,
        CreatedAt = service.CreatedAt,
        Deployments = [.. (service.Deployments ?? []).Select(d => new DeploymentView
        {
            Id = d.Id ?? "",
            Status = d.Status ?? "",
            TaskDefinition = d.TaskDefinition ?? "",
            DesiredCount = d.DesiredCount ?? 0,
            RunningCount = d.RunningCount ?? 0,
            PendingCount = d.PendingCount ?? 0,
            FailedTasks = d.FailedTasks ?? 0,
            RolloutState = d.RolloutState,
            RolloutStateReason = d.RolloutStateReason,
            CreatedAt = d.CreatedAt,
            UpdatedAt = d.UpdatedAt,
        })],
        Events = [.. (service.Events ?? []).Where(e => e.Message is not null)
            .Select(e => new ServiceEventView(e.CreatedAt ?? DateTimeOffset.MinValue, e.Message!))],
    };

    public static TaskView Of(EcsTask task) => new()
    {
        Id = task.TaskArn is { } arn ? TaskView.IdFromArn(arn) : "",
        Arn = task.TaskArn,
        LastStatus = task.LastStatus ?? "",
        DesiredStatus = task.DesiredStatus ?? "",
        TaskDefinition = task.TaskDefinitionArn,
        Group = task.Group,
        LaunchType = task.LaunchType,
        CapacityProviderName = task.CapacityProviderName,
        EnableExecuteCommand = task.EnableExecuteCommand == true,
        Cpu = task.Cpu,
        Memory = task.Memory,
        StopCode = task.StopCode,
        StoppedReason = task.StoppedReason,
        PrivateIpv4Address = task.Attachments?.SelectMany(a => a.Details ?? [])
            .FirstOrDefault(d => d.Name == "privateIPv4Address")?.Value,
        Containers = [.. (task.Containers ?? []).Select(c => new TaskContainerView
        {
            Name = c.Name ?? "",
            LastStatus = c.LastStatus ?? "",
            Image = c.Image,
            ImageDigest = c.ImageDigest,
            ExitCode = c.ExitCode,
            Reason = c.Reason,
            HealthStatus = c.HealthStatus,
        })],
        CreatedAt = task.CreatedAt,
        PullStartedAt = task.PullStartedAt,
        PullStoppedAt = task.PullStoppedAt,
        StartedAt = task.StartedAt,
        StoppingAt = task.StoppingAt,
        StoppedAt = task.StoppedAt,
    };

    public static RepositoryView Of(Repository repository, IEnumerable<ImageDetail>? images = null) => new()
    {
        Name = repository.RepositoryName ?? "",
        Uri = repository.RepositoryUri ?? "",
        Arn = repository.RepositoryArn,
        ImageTagMutability = repository.ImageTagMutability,
        CreatedAt = repository.CreatedAt,
        Images = [.. (images ?? []).Select(i => new ImageView
        {
            Tags = [.. i.ImageTags ?? []],
            Digest = i.ImageDigest ?? "",
            SizeInBytes = i.ImageSizeInBytes,
            PushedAt = i.ImagePushedAt,
        })],
    };

    public static string? Option(LogConfiguration? configuration, string name) =>
        configuration?.Options is { } options && options.TryGetValue(name, out var value) ? value : null;

    public static ImmutableArray<T> Sorted<T>(IEnumerable<T> items, Func<T, string> key) =>
        [.. items.OrderBy(key, StringComparer.Ordinal)];
}
