using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.HandsOn;

public sealed class WholeHandsOnTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task The_whole_hands_on_runs_through_the_library_and_cleans_up_after_itself()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("fargate-cluster");
        var repository = Unique.Name("sample-app");
        var family = Unique.Name("sample-fargate");

        // 1–2: build the image and push it to ECR.
        var built = await workshop.BuildImageAsync(BuildContexts.Small(), repository, "v1");
        var repo = await workshop.CreateRepositoryAsync(repository);
        await workshop.PushImageAsync(built.Value);
        // 3: the cluster.
        await workshop.CreateClusterAsync(cluster);
        Assert.True((await workshop.Checks.ClusterExistsAsync(cluster)).Passed);
        // 4: the task definition, with the pushed image.
        var image = $"{repo.Value.Uri}:v1";
        var revision1 = await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = image });
        Assert.True((await workshop.Checks.TaskDefinitionIsFargateReadyAsync(family)).Passed);
        // 5: the service, steady.
        await workshop.CreateServiceAsync(cluster, "fargate-service", revision1.Value.FamilyRevision, enableExecuteCommand: true);
        await workshop.WaitForSteadyStateAsync("fargate-service", timeout: TimeSpan.FromSeconds(30), cluster: cluster);
        Assert.True((await workshop.Checks.ServiceIsSteadyAsync("fargate-service", cluster)).Passed);
        var tasks = await workshop.ListTasksAsync("fargate-service", cluster);
        Assert.Equal(built.Value.Digest, tasks.Value.Single().Containers.Single().ImageDigest);
        // Scale to 3, deploy revision 2.
        await workshop.ScaleAsync("fargate-service", 3, cluster);
        await workshop.WaitForSteadyStateAsync("fargate-service", timeout: TimeSpan.FromSeconds(30), cluster: cluster);
        var revision2 = await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = image, Environment = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("VERSION", "2") });
        await workshop.DeployAsync("fargate-service", revision2.Value.FamilyRevision, cluster);
        var steady = await workshop.WaitForSteadyStateAsync("fargate-service", timeout: TimeSpan.FromSeconds(60), cluster: cluster);
        Assert.Equal(3, steady.Value.RunningCount);
        Assert.EndsWith($"{family}:2", steady.Value.TaskDefinition);
        // Logs.
        var task = (await workshop.ListTasksAsync("fargate-service", cluster)).Value.First();
        await ServiceStepTests.Until(async () => (await workshop.TaskLogsAsync(task.Id, cluster)).Value.Lines.Length > 0);
        var logs = await workshop.TaskLogsAsync(task.Id, cluster);
        Assert.Contains(logs.Value.Lines, l => l.Message.Contains(built.Value.Digest!));
        // Cleanup.
        var cleanup = await workshop.CleanupAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(new[] { cluster }, cleanup.Value.Clusters.ToArray());
        Assert.Equal(new[] { $"{cluster}/fargate-service" }, cleanup.Value.Services.ToArray());
        Assert.Equal(new[] { $"{family}:1", $"{family}:2" }, cleanup.Value.TaskDefinitions.Order().ToArray());
        Assert.Equal(new[] { repository }, cleanup.Value.Repositories.ToArray());
        Assert.Equal(new[] { $"/ecs/{family}" }, cleanup.Value.LogGroups.ToArray());
        Assert.True((await workshop.Checks.CleanedUpAsync()).Passed);
        Assert.False((await workshop.Checks.ClusterExistsAsync(cluster)).Passed);
    }
}
