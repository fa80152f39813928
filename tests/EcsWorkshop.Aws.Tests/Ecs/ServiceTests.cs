using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Ecs;

public sealed class ServiceTests(Backends backends) : BackendTests(backends)
{
    /// <summary>A cluster, a Fargate task definition and a service of <paramref name="desiredCount"/> tasks.</summary>
    private async Task<(string Cluster, Service Service)> CreateWebServiceAsync(string backend, int desiredCount)
    {
        var ecs = On(backend).Ecs;
        var cluster = UniqueNames.Next("cluster");
        var family = UniqueNames.Next("web");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster });
        await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family));
        var service = (await ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = cluster,
            ServiceName = "web",
            TaskDefinition = family,
            DesiredCount = desiredCount,
            LaunchType = LaunchTypes.Fargate,
            NetworkConfiguration = await Backends.NetworkOf(backend),
        })).Service!;
        return (cluster, service);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_new_Fargate_service_is_ACTIVE_with_one_PRIMARY_deployment(string backend)
    {
        var (cluster, service) = await CreateWebServiceAsync(backend, desiredCount: 1);

        Assert.Equal("web", service.ServiceName);
        Assert.Equal($"arn:aws:ecs:{Backends.Region}:123456789012:service/{cluster}/web", service.ServiceArn);
        Assert.Equal(("ACTIVE", 1, "FARGATE"), (service.Status, service.DesiredCount, service.LaunchType));
        Assert.Equal("PRIMARY", Assert.Single(service.Deployments!).Status);
    }

    [Fact]
    public async Task A_new_service_says_when_it_was_created()
    {
        var (_, service) = await CreateWebServiceAsync(Backends.Simulator, desiredCount: 0);

        Assert.NotNull(service.CreatedAt);
        Assert.InRange(service.CreatedAt.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Moto_leaves_the_creation_time_out_of_a_new_service()
    {
        var (_, service) = await CreateWebServiceAsync(Backends.Moto, desiredCount: 0);

        Assert.Null(service.CreatedAt);
        Assert.NotNull(Assert.Single(service.Deployments!).CreatedAt);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_service_is_listed_and_described_by_name(string backend)
    {
        var (cluster, service) = await CreateWebServiceAsync(backend, desiredCount: 0);

        var listed = await On(backend).Ecs.ListAllServiceArnsAsync(new ListServicesRequest { Cluster = cluster }).ToListAsync();
        var described = await On(backend).Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = ["web", "nope"] });

        Assert.Equal([service.ServiceArn!], listed);
        Assert.Equal(service.ServiceArn, Assert.Single(described.Services!).ServiceArn);
        Assert.Equal("MISSING", Assert.Single(described.Failures!).Reason);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Updating_the_desired_count_is_reflected_at_once(string backend)
    {
        var (cluster, _) = await CreateWebServiceAsync(backend, desiredCount: 1);

        var updated = (await On(backend).Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = "web", DesiredCount = 3 })).Service!;

        Assert.Equal(3, updated.DesiredCount);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_service_scaled_above_0_cannot_be_deleted_without_force(string backend)
    {
        var (cluster, _) = await CreateWebServiceAsync(backend, desiredCount: 1);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            On(backend).Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = "web" }));

        Assert.Equal("InvalidParameterException", error.ErrorCode);
        Assert.Equal("The service cannot be stopped while it is scaled above 0.", error.ErrorMessage);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Creating_a_service_in_an_unknown_cluster_is_ClusterNotFoundException(string backend)
    {
        var ecs = On(backend).Ecs;
        var family = UniqueNames.Next("web");
        await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = UniqueNames.Next("missing"),
            ServiceName = "web",
            TaskDefinition = family,
            DesiredCount = 1,
            LaunchType = LaunchTypes.Fargate,
        }));

        Assert.Equal("ClusterNotFoundException", error.ErrorCode);
    }

    [Fact]
    public async Task The_simulator_starts_the_tasks_of_a_service_until_they_run()
    {
        var (cluster, _) = await CreateWebServiceAsync(Backends.Simulator, desiredCount: 2);

        var service = await WaitForAsync(
            async () => Assert.Single((await Simulator.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = ["web"] })).Services!),
            s => s.RunningCount == 2);
        var tasks = await Simulator.Ecs.ListAllTaskArnsAsync(new ListTasksRequest { Cluster = cluster, ServiceName = "web" }).ToListAsync();

        Assert.Equal((2, 0), (service.RunningCount, service.PendingCount));
        Assert.Equal(2, tasks.Count);
    }

    [Fact]
    public async Task Moto_never_starts_the_tasks_of_a_service()
    {
        var (cluster, service) = await CreateWebServiceAsync(Backends.Moto, desiredCount: 1);

        var tasks = await Moto.Ecs.ListAllTaskArnsAsync(new ListTasksRequest { Cluster = cluster, ServiceName = "web" }).ToListAsync();

        Assert.Empty(tasks);
        Assert.Equal((0, 1), (service.RunningCount, service.PendingCount));
        Assert.Equal("IN_PROGRESS", Assert.Single(service.Deployments!).RolloutState);
    }

    [Fact]
    public async Task A_force_deleted_service_drains_and_leaves_the_list()
    {
        var (cluster, service) = await CreateWebServiceAsync(Backends.Simulator, desiredCount: 1);

        var deleted = (await Simulator.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = "web", Force = true })).Service!;
        var listed = await Simulator.Ecs.ListAllServiceArnsAsync(new ListServicesRequest { Cluster = cluster }).ToListAsync();

        Assert.Equal("DRAINING", deleted.Status);
        Assert.DoesNotContain(service.ServiceArn!, listed);
    }

    [Fact]
    public async Task Moto_makes_a_force_deleted_service_INACTIVE_at_once_and_keeps_listing_it()
    {
        var (cluster, service) = await CreateWebServiceAsync(Backends.Moto, desiredCount: 1);

        var deleted = (await Moto.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = "web", Force = true })).Service!;
        var listed = await Moto.Ecs.ListAllServiceArnsAsync(new ListServicesRequest { Cluster = cluster }).ToListAsync();

        Assert.Equal("INACTIVE", deleted.Status);
        Assert.Contains(service.ServiceArn!, listed);
    }

    [Fact]
    public async Task A_cluster_with_an_active_service_cannot_be_deleted()
    {
        var (cluster, _) = await CreateWebServiceAsync(Backends.Simulator, desiredCount: 0);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Simulator.Ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = cluster }));

        Assert.Equal("ClusterContainsServicesException", error.ErrorCode);
    }

    [Fact]
    public async Task Moto_deletes_a_cluster_with_an_active_service_which_aws_refuses()
    {
        var (cluster, _) = await CreateWebServiceAsync(Backends.Moto, desiredCount: 0);

        var deleted = (await Moto.Ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = cluster })).Cluster!;

        Assert.Equal("INACTIVE", deleted.Status);
    }

    [Fact]
    public async Task An_awsvpc_service_needs_a_network_configuration()
    {
        var ecs = Simulator.Ecs;
        var cluster = UniqueNames.Next("cluster");
        var family = UniqueNames.Next("web");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster });
        await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = cluster, ServiceName = "web", TaskDefinition = family, DesiredCount = 1, LaunchType = LaunchTypes.Fargate,
        }));

        Assert.Equal("InvalidParameterException", error.ErrorCode);
        Assert.Equal("Network Configuration must be provided when networkMode 'awsvpc' is specified.", error.ErrorMessage);
    }

    [Fact]
    public async Task Moto_accepts_an_awsvpc_service_without_network_configuration_which_aws_refuses()
    {
        var ecs = Moto.Ecs;
        var cluster = UniqueNames.Next("cluster");
        var family = UniqueNames.Next("web");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster });
        await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family));

        var service = (await ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = cluster, ServiceName = "web", TaskDefinition = family, DesiredCount = 1, LaunchType = LaunchTypes.Fargate,
        })).Service!;

        Assert.Equal("ACTIVE", service.Status);
    }

    /// <summary>Polls (real time: the simulator runs at speed 20) until the condition holds, for at most 20 s.</summary>
    internal static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (condition(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(100);
        }
    }
}
