using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Errors;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Docker;

/// <summary>
/// Failures real containers produce on the Docker runtime, explained by the helper as AWS explains them: a container
/// that outgrows its memory, one that cannot start, a service whose container health check fails.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class FailureExplanationOnDockerTests(DockerSimulatorFixture docker) : IClassFixture<DockerSimulatorFixture>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);

    /// <summary>Registers a Fargate task definition of one container named <c>app</c> (no log driver) and returns its family.</summary>
    private static async Task<string> RegisterAsync(Workshop workshop, ContainerDefinition container)
    {
        var family = Unique.Name("failing");
        await workshop.Aws.Ecs.RegisterTaskDefinitionAsync(new RegisterTaskDefinitionRequest
        {
            Family = family,
            RequiresCompatibilities = ["FARGATE"],
            NetworkMode = "awsvpc",
            Cpu = "256",
            Memory = "512",
            ExecutionRoleArn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
            ContainerDefinitions = [container with { Name = "app", Image = DockerSimulatorFixture.Image, Essential = true }],
        });
        return family;
    }

    private async Task<(Workshop Workshop, string Cluster)> WorkshopAsync()
    {
        var workshop = await docker.NewWorkshopAsync();
        var cluster = Unique.Name("cluster");
        await workshop.CreateClusterAsync(cluster);
        return (workshop, cluster);
    }

    [Fact]
    public async Task A_container_that_outgrows_its_memory_is_stopped_as_AWS_does_and_explained_from_its_container_reason()
    {
        var (workshop, cluster) = await WorkshopAsync();
        await using var _ = workshop;
        var family = await RegisterAsync(workshop, new ContainerDefinition
        {
            Memory = 16,
            Command = ["sh", "-c", "a=$(head -c 200000000 /dev/zero | tr '\\0' x); echo survived"],
        });
        var id = (await workshop.RunTaskAsync(family, cluster)).Value.Single().Id;

        var stopped = await workshop.WaitForTaskAsync(id, "STOPPED", Bounded, cluster);
        var why = await workshop.ExplainStoppedTaskAsync(id, cluster);

        Assert.Equal("EssentialContainerExited", stopped.Value.StopCode);
        Assert.Equal("Essential container in task exited", stopped.Value.StoppedReason);
        var container = Assert.Single(stopped.Value.Containers);
        Assert.Equal(137, container.ExitCode);
        Assert.Equal("OutOfMemoryError: Container killed due to memory usage", container.Reason);
        Assert.Equal("stop-out-of-memory", why.Value.EntryId);
        Assert.Equal("app", why.Value.Container);
        Assert.Equal("EssentialContainerExited", why.Value.Code);
        Assert.Contains("`memory`", why.Value.Fix.ToString());
        var card = WorkshopFormatters.ToHtml(stopped);
        Assert.Contains("止まった理由 (コンテナ app)", card);
        Assert.Contains("メモリ不足でコンテナが強制終了されました", card);
        Assert.Contains("https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/out-of-memory.html", card);
    }

    [Fact]
    public async Task A_container_whose_command_is_not_in_the_image_cannot_start_and_the_wait_says_why()
    {
        var (workshop, cluster) = await WorkshopAsync();
        await using var _ = workshop;
        var family = await RegisterAsync(workshop, new ContainerDefinition { Command = ["/no/such/program"] });
        var id = (await workshop.RunTaskAsync(family, cluster)).Value.Single().Id;

        var error = await Assert.ThrowsAsync<WorkshopStepException>(() => workshop.WaitForTaskAsync(id, timeout: Bounded, cluster: cluster));
        var why = await workshop.ExplainStoppedTaskAsync(id, cluster);

        Assert.Equal("TaskFailedToStart", error.Explanation.Code);
        Assert.Equal("stop-cannot-start-container", why.Value.EntryId);
        Assert.StartsWith("CannotStartContainerError: ", why.Value.Message);
        Assert.Contains("/no/such/program", why.Value.Message);
        Assert.Equal(why.Value.Why.ToString(), error.Explanation.Why.ToString());
        Assert.Contains(new Uri("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cannot-start-container.html"), why.Value.Pages);
    }

    [Fact]
    public async Task A_service_whose_container_health_check_fails_has_its_event_and_its_stopped_task_explained()
    {
        var (workshop, cluster) = await WorkshopAsync();
        await using var _ = workshop;
        var family = await RegisterAsync(workshop, new ContainerDefinition
        {
            Command = ["sleep", "300"],
            LinuxParameters = new LinuxParameters { InitProcessEnabled = true },
            StopTimeout = 2,
            HealthCheck = new HealthCheck { Command = ["CMD-SHELL", "exit 1"], Interval = 5, Timeout = 2, Retries = 1 },
        });
        await workshop.CreateServiceAsync(cluster, "sick", family);

        var stopped = await UntilAsync(async () =>
            (await workshop.ListTasksAsync("sick", cluster, stopped: true)).Value.FirstOrDefault(t => t.StoppedReason is not null));
        var why = await workshop.ExplainStoppedTaskAsync(stopped.Id, cluster);
        var events = await workshop.ExplainServiceEventsAsync("sick", cluster);
        await workshop.Aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = "sick", DesiredCount = 0 });

        Assert.Equal("Task failed container health checks", stopped.StoppedReason);
        Assert.Equal("stop-container-health", why.Value.EntryId);
        Assert.Contains("`startPeriod`", why.Value.Fix.ToString());
        Assert.Contains(events.Value, e => e.EntryId == "event-container-health");
        Assert.Contains("https://repost.aws/ja/knowledge-center/ecs-task-container-health-check-failures", WorkshopFormatters.ToHtml(events));
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> attempt) where T : class
    {
        var deadline = DateTime.UtcNow + Bounded;
        while (true)
        {
            if (await attempt() is { } found) return found;
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(200);
        }
    }
}
