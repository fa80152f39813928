using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Tests.Support;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Tests.Ecs;

public sealed class TaskTests(Backends backends) : BackendTests(backends)
{
    private async Task<(string Cluster, string Family)> ClusterAndTaskDefinitionAsync(string backend)
    {
        var ecs = On(backend).Ecs;
        var cluster = UniqueNames.Next("cluster");
        var family = UniqueNames.Next("web");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster });
        await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family));
        return (cluster, family);
    }

    private async Task<EcsTask> RunOneAsync(string backend, string cluster, string family) =>
        Assert.Single((await On(backend).Ecs.RunTaskAsync(new RunTaskRequest
        {
            Cluster = cluster,
            TaskDefinition = family,
            LaunchType = LaunchTypes.Fargate,
            NetworkConfiguration = await Backends.NetworkOf(backend),
            StartedBy = "aws-client-tests",
        })).Tasks!);

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_run_task_belongs_to_the_cluster_and_the_task_definition_and_is_listed(string backend)
    {
        var (cluster, family) = await ClusterAndTaskDefinitionAsync(backend);

        var task = await RunOneAsync(backend, cluster, family);
        var listed = await On(backend).Ecs.ListAllTaskArnsAsync(new ListTasksRequest { Cluster = cluster }).ToListAsync();

        Assert.Equal($"arn:aws:ecs:{Backends.Region}:123456789012:cluster/{cluster}", task.ClusterArn);
        Assert.Equal($"arn:aws:ecs:{Backends.Region}:123456789012:task-definition/{family}:1", task.TaskDefinitionArn);
        Assert.StartsWith($"arn:aws:ecs:{Backends.Region}:123456789012:task/{cluster}/", task.TaskArn);
        Assert.Equal(("RUNNING", "FARGATE", "aws-client-tests"), (task.DesiredStatus, task.LaunchType, task.StartedBy));
        Assert.Equal("web", Assert.Single(task.Containers!).Name);
        Assert.Equal([task.TaskArn!], listed);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_task_is_described_by_its_ARN(string backend)
    {
        var (cluster, family) = await ClusterAndTaskDefinitionAsync(backend);
        var task = await RunOneAsync(backend, cluster, family);

        var described = await On(backend).Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = [task.TaskArn!] });

        Assert.Equal(task.TaskArn, Assert.Single(described.Tasks!).TaskArn);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_stopped_task_is_to_be_STOPPED_with_the_reason_given(string backend)
    {
        var (cluster, family) = await ClusterAndTaskDefinitionAsync(backend);
        var task = await RunOneAsync(backend, cluster, family);

        var stopped = (await On(backend).Ecs.StopTaskAsync(new StopTaskRequest { Cluster = cluster, Task = task.TaskArn!, Reason = "lesson over" })).Task!;

        Assert.Equal(("STOPPED", "lesson over"), (stopped.DesiredStatus, stopped.StoppedReason));
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Running_a_task_in_an_unknown_cluster_is_ClusterNotFoundException(string backend)
    {
        var (_, family) = await ClusterAndTaskDefinitionAsync(backend);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => On(backend).Ecs.RunTaskAsync(new RunTaskRequest
        {
            Cluster = UniqueNames.Next("missing"), TaskDefinition = family, LaunchType = LaunchTypes.Fargate,
            NetworkConfiguration = EcsFixtures.InVpc(["subnet-abcd1234"], ["sg-abcd1234"]),
        }));

        Assert.Equal("ClusterNotFoundException", error.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Running_an_awsvpc_task_without_network_configuration_is_refused(string backend)
    {
        var (cluster, family) = await ClusterAndTaskDefinitionAsync(backend);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => On(backend).Ecs.RunTaskAsync(new RunTaskRequest
        {
            Cluster = cluster, TaskDefinition = family, LaunchType = LaunchTypes.Fargate,
        }));

        Assert.Equal("InvalidParameterException", error.ErrorCode);
        Assert.Equal("Network Configuration must be provided when networkMode 'awsvpc' is specified.", error.ErrorMessage);
    }

    [Fact]
    public async Task A_new_task_starts_at_PROVISIONING_and_reaches_RUNNING_on_the_clock()
    {
        var (cluster, family) = await ClusterAndTaskDefinitionAsync(Backends.Simulator);
        var task = await RunOneAsync(Backends.Simulator, cluster, family);

        var running = await ServiceTests.WaitForAsync(
            async () => Assert.Single((await Simulator.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = [task.TaskArn!] })).Tasks!),
            t => t.LastStatus == "RUNNING");

        Assert.Equal("PROVISIONING", task.LastStatus);
        Assert.Equal("RUNNING", running.LastStatus);
        Assert.NotNull(running.StartedAt);
        Assert.Equal("ElasticNetworkInterface", Assert.Single(running.Attachments!).Type);
    }

    [Fact]
    public async Task Moto_reports_a_new_task_RUNNING_at_once_where_aws_starts_at_PROVISIONING()
    {
        var (cluster, family) = await ClusterAndTaskDefinitionAsync(Backends.Moto);

        var task = await RunOneAsync(Backends.Moto, cluster, family);

        Assert.Equal("RUNNING", task.LastStatus);
    }

    [Fact]
    public async Task A_task_stopped_by_the_user_gets_the_UserInitiated_stop_code()
    {
        var (cluster, family) = await ClusterAndTaskDefinitionAsync(Backends.Simulator);
        var task = await RunOneAsync(Backends.Simulator, cluster, family);

        await Simulator.Ecs.StopTaskAsync(new StopTaskRequest { Cluster = cluster, Task = task.TaskArn!, Reason = "lesson over" });
        var stopped = await ServiceTests.WaitForAsync(
            async () => Assert.Single((await Simulator.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = [task.TaskArn!] })).Tasks!),
            t => t.LastStatus == "STOPPED");

        Assert.Equal(("STOPPED", "UserInitiated"), (stopped.LastStatus, stopped.StopCode));
    }

    [Fact]
    public async Task Moto_gives_a_task_stopped_by_the_user_no_stop_code()
    {
        var (cluster, family) = await ClusterAndTaskDefinitionAsync(Backends.Moto);
        var task = await RunOneAsync(Backends.Moto, cluster, family);

        var stopped = (await Moto.Ecs.StopTaskAsync(new StopTaskRequest { Cluster = cluster, Task = task.TaskArn!, Reason = "lesson over" })).Task!;

        Assert.Equal("STOPPED", stopped.LastStatus);
        Assert.Null(stopped.StopCode);
    }

    [Fact]
    public async Task Describing_an_unknown_task_reports_it_MISSING()
    {
        var (cluster, _) = await ClusterAndTaskDefinitionAsync(Backends.Simulator);

        var described = await Simulator.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = ["0123456789abcdef0123456789abcdef"] });

        Assert.Empty(described.Tasks!);
        Assert.Equal("MISSING", Assert.Single(described.Failures!).Reason);
    }

    [Fact]
    public async Task Moto_reports_no_failure_for_an_unknown_task_where_aws_reports_it_MISSING()
    {
        var (cluster, _) = await ClusterAndTaskDefinitionAsync(Backends.Moto);

        var described = await Moto.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = ["0123456789abcdef0123456789abcdef"] });

        Assert.Empty(described.Tasks ?? []);
        Assert.Empty(described.Failures ?? []);
    }

    [Fact]
    public async Task Moto_fails_with_a_server_error_running_a_task_whose_container_has_no_memory_of_its_own()
    {
        var (cluster, family) = await ClusterAndTaskDefinitionAsync(Backends.Moto);
        var noContainerMemory = EcsFixtures.FargateWeb(family + "-nomem") with
        {
            ContainerDefinitions = [EcsFixtures.FargateWeb(family).ContainerDefinitions[0] with { Memory = null }],
        };
        await Moto.Ecs.RegisterTaskDefinitionAsync(noContainerMemory);
        using var once = new EcsWorkshop.Aws.Ecs.EcsClient(Moto.Settings with { Retry = AwsRetryPolicy.None });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => once.RunTaskAsync(new RunTaskRequest
        {
            Cluster = cluster, TaskDefinition = noContainerMemory.Family, LaunchType = LaunchTypes.Fargate,
            NetworkConfiguration = EcsFixtures.InVpc(["subnet-abcd1234"], ["sg-abcd1234"]),
        }));

        Assert.True(error.IsServerFault);
        Assert.Equal("500", error.ErrorCode);
    }
}
