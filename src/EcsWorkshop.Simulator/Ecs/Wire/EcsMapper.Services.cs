using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Errors;
using System.Text.Json;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public static partial class EcsMapper
{
    public static CreateServiceCommand ToDomain(CreateServiceRequest request, EcsArns arns)
    {
        RejectUnsimulated(request.ServiceRegistries, "serviceRegistries");
        RejectUnsimulated(request.PlacementConstraints, "placementConstraints");
        RejectUnsimulated(request.PlacementStrategy, "placementStrategy");
        RejectUnsimulated(request.VolumeConfigurations, "volumeConfigurations");
        RejectUnsimulated(request.ServiceConnectConfiguration, "serviceConnectConfiguration");
        if (!string.IsNullOrEmpty(request.Role)) throw Unsimulated("role");
        return new CreateServiceCommand(
            arns.ClusterArnFor(request.Cluster),
            request.ServiceName,
            request.TaskDefinition,
            request.DesiredCount,
            request.LaunchType is null ? null : ParseEnum(request.LaunchType, "launchType", EcsWireNames.LaunchTypes),
            ToDomain(request.CapacityProviderStrategy),
            request.PlatformVersion,
            ToDomain(request.NetworkConfiguration),
            ToDomain(request.DeploymentConfiguration),
            request.DeploymentController?.Type is { } controller
                ? ParseEnum(controller, "deploymentController.type", EcsWireNames.DeploymentControllers)
                : ServiceCommands.EcsController,
            request.SchedulingStrategy is null
                ? SchedulingStrategies.Replica
                : ParseEnum(request.SchedulingStrategy, "schedulingStrategy", EcsWireNames.SchedulingStrategies),
            request.HealthCheckGracePeriodSeconds,
            request.EnableExecuteCommand ?? false,
            request.EnableECSManagedTags ?? false,
            request.PropagateTags is null ? PropagateTagsFrom.None : ParseEnum(request.PropagateTags, "propagateTags", EcsWireNames.PropagateTags),
            ToDomain(request.Tags),
            request.ClientToken)
        {
            RequestFingerprint = SentRequest.Fingerprint(request),
            LoadBalancers = ToDomain(request.LoadBalancers) ?? [],
        };
    }

    public static UpdateServiceCommand ToDomain(UpdateServiceRequest request, EcsArns arns)
    {
        RejectUnsimulated(request.ServiceRegistries, "serviceRegistries");
        RejectUnsimulated(request.PlacementConstraints, "placementConstraints");
        RejectUnsimulated(request.PlacementStrategy, "placementStrategy");
        RejectUnsimulated(request.VolumeConfigurations, "volumeConfigurations");
        RejectUnsimulated(request.ServiceConnectConfiguration, "serviceConnectConfiguration");
        if (request.CapacityProviderStrategy is { Count: 0 })
            throw Unsimulated("capacityProviderStrategy: [] (going back to a launch type or the cluster's default strategy)");
        return new UpdateServiceCommand(
            arns.ClusterArnFor(request.Cluster),
            request.Service,
            request.DesiredCount,
            request.TaskDefinition,
            request.PlatformVersion,
            ToDomain(request.NetworkConfiguration),
            ToDomain(request.DeploymentConfiguration),
            request.ForceNewDeployment ?? false,
            request.HealthCheckGracePeriodSeconds,
            request.EnableExecuteCommand,
            request.EnableECSManagedTags,
            request.PropagateTags is null ? null : ParseEnum(request.PropagateTags, "propagateTags", EcsWireNames.PropagateTags))
        {
            LoadBalancers = ToDomain(request.LoadBalancers),
            CapacityProviderStrategy = request.CapacityProviderStrategy is null ? null : ToDomain(request.CapacityProviderStrategy),
        };
    }

    /// <summary>The <c>loadBalancers</c> entries as sent (members of the wrong JSON type are refused as ECS refuses them).</summary>
    private static List<LoadBalancerInput>? ToDomain(List<JsonElement>? loadBalancers) => loadBalancers?.Select(entry =>
    {
        if (entry.ValueKind != JsonValueKind.Object) throw EcsErrors.Missing.With("loadBalancers.targetGroupArn");
        return new LoadBalancerInput(
            StringMember(entry, "targetGroupArn"),
            StringMember(entry, "loadBalancerName"),
            StringMember(entry, "containerName"),
            entry.TryGetProperty("containerPort", out var port) && port.ValueKind == JsonValueKind.Number && port.TryGetInt32(out var value) ? value : null);
    }).ToList();

    private static string? StringMember(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static DeploymentConfigurationChange? ToDomain(DeploymentConfigurationShape? shape) => shape is null
        ? null
        : new DeploymentConfigurationChange(
            shape.MaximumPercent,
            shape.MinimumHealthyPercent,
            shape.DeploymentCircuitBreaker is { } breaker
                ? new CircuitBreakerSetting(
                    breaker.Enable ?? throw EcsErrors.Missing.With("deploymentConfiguration.deploymentCircuitBreaker.enable"),
                    breaker.Rollback ?? throw EcsErrors.Missing.With("deploymentConfiguration.deploymentCircuitBreaker.rollback"))
                : null);

    /// <summary>Which optional parts DescribeServices was asked to include (only <c>TAGS</c> exists).</summary>
    public static ISet<string> ToServiceFields(List<string>? include) =>
        new HashSet<string>((include ?? []).Select(f => ParseEnum(f, "include", EcsWireNames.IncludeFields)), StringComparer.Ordinal);

    /// <summary>A launch type filter of ListServices.</summary>
    public static Domain.TaskDefinitions.LaunchType? ToLaunchTypeFilter(string? launchType) =>
        launchType is null ? null : ParseEnum(launchType, "launchType", EcsWireNames.LaunchTypes);

    /// <summary>A scheduling strategy filter of ListServices.</summary>
    public static string? ToSchedulingStrategyFilter(string? strategy) =>
        strategy is null ? null : ParseEnum(strategy, "schedulingStrategy", EcsWireNames.SchedulingStrategies);

    /// <summary>A service as ECS describes it, its counts derived from its tasks; tags only when asked to include them.</summary>
    public static ServiceShape ToShape(Service service, ServiceCounts counts, bool includeTags)
    {
        var account = ServiceAccountArns.Of(service.Arn);
        var strategy = service.CapacityProviderStrategy.IsDefaultOrEmpty ? null : ToShape(service.CapacityProviderStrategy);
        return new ServiceShape
        {
            ServiceArn = service.Arn,
            ServiceName = service.Name,
            ClusterArn = service.ClusterArn,
            Status = EcsWireNames.ServiceStatuses.NameOf(service.Status),
            DesiredCount = service.DesiredCount,
            RunningCount = counts.Total.Running,
            PendingCount = counts.Total.Pending,
            LaunchType = service.LaunchType is { } launchType ? EcsWireNames.LaunchTypes.NameOf(launchType) : null,
            CapacityProviderStrategy = strategy,
            PlatformVersion = service.PlatformVersion,
            PlatformFamily = service.PlatformFamily,
            TaskDefinition = service.TaskDefinitionArn,
            DeploymentConfiguration = ToShape(service.DeploymentConfiguration),
            Deployments = DeploymentShapes(service, counts),
            RoleArn = account.ServiceLinkedRole,
            Events = EventShapes(service),
            CreatedAt = service.CreatedAt,
            NetworkConfiguration = ToShape(service.NetworkConfiguration),
            HealthCheckGracePeriodSeconds = service.HealthCheckGracePeriodSeconds ?? 0,
            SchedulingStrategy = service.SchedulingStrategy,
            DeploymentController = new DeploymentControllerShape { Type = service.DeploymentController },
            Tags = includeTags ? ToShape(service.Tags) : null,
            CreatedBy = account.Root,
            EnableECSManagedTags = service.EnableEcsManagedTags,
            PropagateTags = service.PropagateTags ?? PropagateTagsFrom.None,
            EnableExecuteCommand = service.EnableExecuteCommand,
            LoadBalancers = LoadBalancerShapes(service),
        };
    }

    // The lists of a service's shape, built with plain loops at their final size (DescribeServices maps every
    // service of the answer on every request).
    private static List<DeploymentShape> DeploymentShapes(Service service, ServiceCounts counts)
    {
        var shapes = new List<DeploymentShape>(service.Deployments.Length);
        foreach (var d in service.Deployments)
            shapes.Add(ToShape(d, counts.Of(d), service, d.StrategyOf(service) is { IsEmpty: false } own ? ToShape(own) : null));
        return shapes;
    }

    private static List<ServiceEventShape> EventShapes(Service service)
    {
        var shapes = new List<ServiceEventShape>(service.Events.Length);
        foreach (var e in service.Events)
            shapes.Add(new ServiceEventShape { Id = e.Id, CreatedAt = e.CreatedAt, Message = e.Message });
        return shapes;
    }

    private static List<LoadBalancerShape> LoadBalancerShapes(Service service)
    {
        var balancers = service.TargetGroups();
        var shapes = new List<LoadBalancerShape>(balancers.Length);
        foreach (var b in balancers)
            shapes.Add(new LoadBalancerShape { TargetGroupArn = b.TargetGroupArn, ContainerName = b.ContainerName, ContainerPort = b.ContainerPort });
        return shapes;
    }

    public static NetworkConfigurationShape? ToShape(NetworkConfiguration? network) => network is null
        ? null
        : new NetworkConfigurationShape
        {
            AwsvpcConfiguration = new AwsVpcConfigurationShape
            {
                Subnets = [.. network.Subnets],
                SecurityGroups = [.. network.SecurityGroups],
                AssignPublicIp = EcsWireNames.AssignPublicIp.NameOf(network.AssignPublicIp),
            },
        };

    private static DeploymentConfigurationShape ToShape(DeploymentConfiguration configuration) => new()
    {
        DeploymentCircuitBreaker = new DeploymentCircuitBreakerShape
        {
            Enable = configuration.CircuitBreakerEnabled,
            Rollback = configuration.CircuitBreakerRollback,
        },
        MaximumPercent = configuration.MaximumPercent,
        MinimumHealthyPercent = configuration.MinimumHealthyPercent,
    };

    private static DeploymentShape ToShape(Deployment deployment, TaskCounts counts, Service service, List<CapacityProviderStrategyItemShape>? strategy) => new()
    {
        Id = deployment.Id,
        Status = EcsWireNames.DeploymentStatuses.NameOf(deployment.Status),
        TaskDefinition = deployment.TaskDefinitionArn,
        DesiredCount = deployment.DesiredCount,
        PendingCount = counts.Pending,
        RunningCount = counts.Running,
        FailedTasks = deployment.FailedTasks,
        CreatedAt = deployment.CreatedAt,
        UpdatedAt = deployment.UpdatedAt,
        CapacityProviderStrategy = strategy,
        LaunchType = deployment.LaunchType is { } launchType ? EcsWireNames.LaunchTypes.NameOf(launchType) : null,
        PlatformVersion = deployment.PlatformVersion,
        PlatformFamily = deployment.PlatformVersion is null ? null : service.PlatformFamily,
        NetworkConfiguration = ToShape(deployment.NetworkConfiguration),
        RolloutState = EcsWireNames.RolloutStates.NameOf(deployment.RolloutState),
        RolloutStateReason = deployment.RolloutStateReason,
    };

    private static void RejectUnsimulated<T>(List<T>? values, string member)
    {
        if (values is { Count: > 0 }) throw Unsimulated(member);
    }

    private static void RejectUnsimulated(JsonElement? value, string member)
    {
        if (value is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) }) throw Unsimulated(member);
    }

    private static DomainError Unsimulated(string member) => EcsErrors.FeatureNotSimulated.With(member);
}
