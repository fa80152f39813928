using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Cleanup;

public sealed class CleanupTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Cleanup_leaves_untagged_resources_and_other_sessions_alone()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        await using var other = await simulator.NewWorkshopAsync();
        var ours = Unique.Name("ours");
        var untagged = Unique.Name("untagged");
        var theirs = Unique.Name("theirs");
        var family = Unique.Name("family");
        await workshop.CreateClusterAsync(ours);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4", AwsLogs = false });
        await other.CreateClusterAsync(theirs);
        // Made without the library: no tags.
        await workshop.Aws.Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = untagged });
        await workshop.Aws.Ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = untagged });
        await workshop.Aws.Logs.CreateLogGroupAsync(new CreateLogGroupRequest { LogGroupName = "/manual/" + untagged });
        await workshop.Aws.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest
        {
            Family = untagged,
            ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = "httpd:2.4", Memory = 512 }],
        });

        var report = await workshop.CleanupAsync();

        Assert.Equal(new[] { ours }, report.Value.Clusters.ToArray());
        Assert.Equal(new[] { $"{family}:1" }, report.Value.TaskDefinitions.ToArray());
        var clusters = await workshop.Aws.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [ours, untagged, theirs] });
        Assert.Equal("INACTIVE", clusters.Clusters!.Single(c => c.ClusterName == ours).Status);
        Assert.Equal("ACTIVE", clusters.Clusters!.Single(c => c.ClusterName == untagged).Status);
        Assert.Equal("ACTIVE", clusters.Clusters!.Single(c => c.ClusterName == theirs).Status);
        Assert.Single((await workshop.Aws.Ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [untagged] })).Repositories!);
        Assert.Single((await workshop.Aws.Logs.DescribeLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = "/manual/" + untagged })).LogGroups!);
        var untaggedDefinition = await workshop.Aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = untagged });
        Assert.Equal("ACTIVE", untaggedDefinition.TaskDefinition!.Status);
    }

    [Fact]
    public async Task A_session_file_lets_a_second_notebook_clean_up_what_the_first_created()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ecs-workshop-session-").FullName, "session.json");
        var options = new WorkshopOptions { SessionFile = file, ProgressOutput = null, PollInterval = TimeSpan.FromMilliseconds(50) };
        var repository = Unique.Name("repo");
        string firstId;
        await using (var first = await Workshop.ConnectToSimulatorAsync(simulator.Server.Endpoint, options))
        {
            firstId = first.SessionId;
            await first.CreateRepositoryAsync(repository);
        }

        await using var second = await Workshop.ConnectToSimulatorAsync(simulator.Server.Endpoint, options);
        var report = await second.CleanupAsync();

        Assert.Equal(firstId, second.SessionId);
        Assert.Equal(new[] { repository }, report.Value.Repositories.ToArray());
    }

    [Fact]
    public async Task The_cli_steps_of_the_cleanup_wait_for_the_service_and_the_task_to_stop_before_deleting_the_cluster()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new EcsWorkshop.Steps.FargateTaskDefinition { Family = family, Image = "httpd:2.4" });
        await workshop.CreateServiceAsync(cluster, "web", family);
        var task = (await workshop.RunTaskAsync(family, cluster)).Value[0];

        var report = await workshop.CleanupAsync();

        var commands = report.Value.Commands.ToList();
        var servicesInactive = commands.FindIndex(c => c.Contains($"ecs wait services-inactive --cluster {cluster} --services web", StringComparison.Ordinal));
        var tasksStopped = commands.FindIndex(c => c.Contains($"ecs wait tasks-stopped --cluster {cluster} --tasks {task.Id}", StringComparison.Ordinal));
        var deleteCluster = commands.FindIndex(c => c.Contains($"ecs delete-cluster --cluster {cluster}", StringComparison.Ordinal));
        Assert.True(servicesInactive > commands.FindIndex(c => c.Contains("ecs delete-service", StringComparison.Ordinal)), string.Join('\n', commands));
        Assert.InRange(tasksStopped, 0, deleteCluster);
        Assert.InRange(servicesInactive, 0, deleteCluster);
    }
}
