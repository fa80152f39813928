using System.Collections.Immutable;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Errors;
using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Steps;

/// <summary>
/// Failures the simulator really produces, read back through the helper: the service view, the wait and the
/// explanation steps explain them in Japanese with AWS's cause, fix and page.
/// </summary>
public sealed class ServiceFailureExplanationTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private async Task<(Workshop Workshop, string Cluster, string Family)> SteadyServiceAsync(string service, TextWriter? output = null)
    {
        var workshop = await simulator.NewWorkshopAsync(output);
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4" });
        await workshop.CreateServiceAsync(cluster, service, family);
        await workshop.WaitForSteadyStateAsync(service, timeout: TimeSpan.FromSeconds(30), cluster: cluster);
        return (workshop, cluster, family);
    }

    /// <summary>A revision whose image is a tag the simulated ECR does not have.</summary>
    private static async Task<string> RevisionOfAMissingTagAsync(Workshop workshop, string family)
    {
        var repository = await workshop.CreateRepositoryAsync(Unique.Name("missing"));
        var revision = await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = $"{repository.Value.Uri}:does-not-exist" });
        return revision.Value.FamilyRevision;
    }

    [Fact]
    public async Task A_deployment_configuration_that_leaves_no_room_makes_the_wait_fail_with_the_event_explained()
    {
        var output = new StringWriter();
        var (workshop, cluster, _) = await SteadyServiceAsync("web", output);
        await using var _ = workshop;
        await workshop.Aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest
        {
            Cluster = cluster,
            Service = "web",
            ForceNewDeployment = true,
            DeploymentConfiguration = new DeploymentConfiguration { MinimumHealthyPercent = 100, MaximumPercent = 100 },
        });

        var error = await Assert.ThrowsAsync<WorkshopStepException>(() =>
            workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(5), cluster: cluster));
        var events = await workshop.ExplainServiceEventsAsync("web", cluster);
        var card = WorkshopFormatters.ToHtml(await workshop.DescribeServiceAsync("web", cluster));

        Assert.Equal("event-deployment-configuration", error.Explanation.EntryId);
        Assert.Contains("minimumHealthyPercent", error.Explanation.Message);
        Assert.Contains("最小正常率（minimumHealthyPercent", error.Explanation.Why.ToString());
        Assert.Equal("event-deployment-configuration", Assert.Single(events.Value).EntryId);
        Assert.Contains(output.ToString().Split('\n'), l => l.StartsWith("web: ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("⚠ デプロイ設定のせいで、タスクを止めることも起動することもできません", StringComparison.Ordinal));
        Assert.Contains("デプロイ設定のせいで、タスクを止めることも起動することもできません", card);
        Assert.Contains("https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/service-event-messages-list.html", card);
    }

    [Fact]
    public async Task A_deployment_of_a_tag_that_does_not_exist_is_rolled_back_by_the_circuit_breaker_and_every_step_says_why()
    {
        var (workshop, cluster, family) = await SteadyServiceAsync("web");
        await using var _ = workshop;
        var broken = await RevisionOfAMissingTagAsync(workshop, family);

        await workshop.Aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest
        {
            Cluster = cluster,
            Service = "web",
            TaskDefinition = broken,
            DeploymentConfiguration = new DeploymentConfiguration { DeploymentCircuitBreaker = new DeploymentCircuitBreaker(Enable: true, Rollback: true) },
        });
        var explained = await UntilAsync(async () =>
        {
            var events = (await workshop.ExplainServiceEventsAsync("web", cluster)).Value;
            return events.Any(e => e.EntryId == "event-rolling-back") ? events : (ImmutableArray<ErrorExplanation>?)null;
        });
        var stopped = (await workshop.ListTasksAsync("web", cluster, stopped: true)).Value.First(t => t.TaskDefinition!.EndsWith(broken, StringComparison.Ordinal));
        var why = await workshop.ExplainStoppedTaskAsync(stopped.Id, cluster);

        Assert.Equal(["event-rolling-back", "event-deployment-failed", "event-circuit-breaker"], explained.Select(e => e.EntryId));
        Assert.All(explained, e => Assert.True(e.CauseIsInStoppedTasks));
        Assert.Equal("stop-image-pull", why.Value.EntryId);
        Assert.Contains("does-not-exist", why.Value.Message);
        Assert.Contains(new Uri("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html"), why.Value.Pages);
        Assert.Contains("コンテナイメージが見つかりません", WorkshopFormatters.ToHtml(why));
    }

    [Fact]
    public async Task Without_the_circuit_breaker_a_tag_that_does_not_exist_fails_the_wait_with_the_stopped_task_s_reason_and_throttles_the_launches()
    {
        var (workshop, cluster, family) = await SteadyServiceAsync("web");
        await using var _ = workshop;
        await workshop.DeployAsync("web", await RevisionOfAMissingTagAsync(workshop, family), cluster);

        var error = await Assert.ThrowsAsync<WorkshopStepException>(() =>
            workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(6), cluster: cluster));

        var throttled = await UntilAsync(async () =>
        {
            var events = (await workshop.ExplainServiceEventsAsync("web", cluster)).Value;
            return events.Any(e => e.EntryId == "event-unable-to-consistently-start") ? events : (ImmutableArray<ErrorExplanation>?)null;
        });

        Assert.Equal("stop-image-pull", error.Explanation.EntryId);
        Assert.Equal("TaskFailedToStart", error.Explanation.Code);
        Assert.StartsWith("CannotPullContainerError: ", error.Explanation.Message);
        Assert.Contains("スロットルロジック", throttled.Single(e => e.EntryId == "event-unable-to-consistently-start").WhatHappened.ToString());
    }

    [Fact]
    public async Task A_standalone_task_whose_image_is_missing_fails_the_wait_for_RUNNING_with_AWS_s_cause()
    {
        var (workshop, cluster, family) = await SteadyServiceAsync("web");
        await using var _ = workshop;
        var broken = await RevisionOfAMissingTagAsync(workshop, family);
        var task = (await workshop.RunTaskAsync(broken, cluster)).Value.Single();

        var error = await Assert.ThrowsAsync<WorkshopStepException>(() =>
            workshop.WaitForTaskAsync(task.Id, cluster: cluster, timeout: TimeSpan.FromSeconds(30)));
        var why = await workshop.ExplainStoppedTaskAsync(task.Id, cluster);

        Assert.Equal("TaskFailedToStart", error.Explanation.Code);
        Assert.Equal("stop-image-pull", error.Explanation.EntryId);
        Assert.StartsWith($"タスク {task.Id} は RUNNING にならずに止まりました: コンテナイメージが見つかりません", error.Explanation.Title.ToString());
        Assert.Equal(why.Value.Why.ToString(), error.Explanation.Why.ToString());
        Assert.Equal("stop-image-pull", why.Value.EntryId);
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> attempt) where T : struct
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await attempt() is { } found) return found;
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}
