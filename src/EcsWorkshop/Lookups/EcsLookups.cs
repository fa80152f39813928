using System.Collections.Immutable;
using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Display.Views;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop.Lookups;

/// <summary>The ECS reads several steps, waits and checks share: one cluster, one service, a cluster's tasks as views.</summary>
internal sealed class EcsLookups(AwsClients aws)
{
    /// <summary>The ACTIVE cluster of that name, or null.</summary>
    public async Task<Cluster?> FindClusterAsync(string name, CancellationToken cancellationToken)
    {
        var response = await aws.Ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [name] }, cancellationToken).ConfigureAwait(false);
        return response.Clusters?.FirstOrDefault(c => c.Status == "ACTIVE");
    }

    /// <summary>The service; a missing one is ECS's <c>ServiceNotFoundException</c>.</summary>
    public async Task<Service> FindServiceAsync(string cluster, string service, CancellationToken cancellationToken)
    {
        var response = await aws.Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = [service] }, cancellationToken).ConfigureAwait(false);
        return response.Services?.FirstOrDefault()
            ?? throw Missing("ServiceNotFoundException", "Service not found.", "ecs", "DescribeServices");
    }

    /// <summary>Every task ARN of the cluster (of one service, and of one desired status, when named).</summary>
    public async Task<IReadOnlyList<string>> ListTaskArnsAsync(string cluster, string? service, CancellationToken cancellationToken, string? desiredStatus = null)
    {
        var arns = new List<string>();
        await foreach (var arn in aws.Ecs.ListAllTaskArnsAsync(new ListTasksRequest { Cluster = cluster, ServiceName = service, DesiredStatus = desiredStatus }, cancellationToken).ConfigureAwait(false))
            arns.Add(arn);
        return arns;
    }

    /// <summary>The tasks as views, sorted by id (DescribeTasks, 100 at a time).</summary>
    public async Task<ImmutableArray<TaskView>> DescribeTasksAsync(string cluster, IReadOnlyList<string> tasks, CancellationToken cancellationToken)
    {
        var views = new List<TaskView>();
        foreach (var batch in tasks.Chunk(100))
        {
            var response = await aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = batch }, cancellationToken).ConfigureAwait(false);
            views.AddRange((response.Tasks ?? []).Select(Views.Of));
        }
        return Views.Sorted(views, t => t.Id);
    }

    /// <summary>One task as a view; a missing one is the <c>InvalidParameterException</c> the AWS CLI shows.</summary>
    public async Task<TaskView> DescribeTaskAsync(string cluster, string task, CancellationToken cancellationToken) =>
        (await DescribeTasksAsync(cluster, [task], cancellationToken).ConfigureAwait(false)).FirstOrDefault()
        ?? throw Missing("InvalidParameterException", "The referenced task was not found.", "ecs", "DescribeTasks");
}
