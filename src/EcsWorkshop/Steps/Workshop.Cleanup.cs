using System.Collections.Immutable;
using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Facts.Arns;
using EcsWorkshop.Sessions;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>
    /// Step: delete exactly what this session created, and nothing else: its services (scaled to 0, then deleted),
    /// its standalone tasks (stopped), its task definitions (deregistered), its clusters, repositories and log
    /// groups. ECS resources are found by the session tag; repositories and log groups by the session's record.
    /// </summary>
    public Task<StepResult<CleanupReport>> CleanupAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Step("後片付け", async () =>
        {
            var found = await FindSessionResourcesAsync(cancellationToken).ConfigureAwait(false);
            var commands = new List<string>();
            foreach (var (cluster, arn) in found.ServiceArns)
            {
                var name = Arn.NameOf(arn);
                await _aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = arn, DesiredCount = 0 }, cancellationToken).ConfigureAwait(false);
                await _aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = arn }, cancellationToken).ConfigureAwait(false);
                commands.Add(AwsCliCommand.For("ecs", "update-service").With("cluster", cluster).With("service", name).With("desired-count", 0).ToCommandLine(CliTarget));
                commands.Add(AwsCliCommand.For("ecs", "delete-service").With("cluster", cluster).With("service", name).ToCommandLine(CliTarget));
            }
            foreach (var (cluster, arn) in found.TaskArns)
            {
                await _aws.Ecs.StopTaskAsync(new StopTaskRequest { Cluster = cluster, Task = arn, Reason = "ecs-workshop cleanup" }, cancellationToken).ConfigureAwait(false);
                commands.Add(AwsCliCommand.For("ecs", "stop-task").With("cluster", cluster).With("task", TaskView.IdFromArn(arn)).ToCommandLine(CliTarget));
            }
            foreach (var arn in found.TaskDefinitionArns)
            {
                await _aws.Ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = arn }, cancellationToken).ConfigureAwait(false);
                commands.Add(AwsCliCommand.For("ecs", "deregister-task-definition").With("task-definition", Arn.NameOf(arn)).ToCommandLine(CliTarget));
            }
            var deadline = DateTime.UtcNow + (timeout ?? (Mode == WorkshopMode.Simulator ? TimeSpan.FromMinutes(3) : TimeSpan.FromMinutes(10)));
            foreach (var cluster in found.Clusters)
            {
                // A cluster is deleted once its services are gone and its tasks stopped (ECS refuses before).
                while (true)
                {
                    try
                    {
                        await _aws.Ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = cluster }, cancellationToken).ConfigureAwait(false);
                        break;
                    }
                    catch (AwsServiceException e) when (e.ErrorCode is "ClusterContainsServicesException" or "ClusterContainsTasksException" or "UpdateInProgressException"
                        && DateTime.UtcNow < deadline)
                    {
                        await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
                    }
                }
                commands.Add(AwsCliCommand.For("ecs", "delete-cluster").With("cluster", cluster).ToCommandLine(CliTarget));
            }
            foreach (var repository in found.Repositories)
            {
                await _aws.Ecr.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = repository, Force = true }, cancellationToken).ConfigureAwait(false);
                _ledger.RemoveRepository(repository);
                commands.Add(AwsCliCommand.For("ecr", "delete-repository").With("repository-name", repository).WithFlag("force").ToCommandLine(CliTarget));
            }
            foreach (var group in found.LogGroups)
            {
                await _aws.Logs.DeleteLogGroupAsync(new DeleteLogGroupRequest { LogGroupName = group }, cancellationToken).ConfigureAwait(false);
                _ledger.RemoveLogGroup(group);
                commands.Add(AwsCliCommand.For("logs", "delete-log-group").With("log-group-name", group).ToCommandLine(CliTarget));
            }
            var report = new CleanupReport
            {
                SessionId = SessionId,
                Services = found.Services,
                Tasks = [.. found.TaskArns.Select(t => TaskView.IdFromArn(t.Arn))],
                TaskDefinitions = found.TaskDefinitions,
                Clusters = found.Clusters,
                Repositories = found.Repositories,
                LogGroups = found.LogGroups,
                Commands = [.. commands],
            };
            return Result("このセッションが作ったものを削除しました", report, null,
                $"タグ `{SessionTags.SessionKey}={SessionId}` の付いたものだけを削除しました。ほかの方法で作ったリソースはそのままです。");
        });

    /// <summary>What this session created that still exists.</summary>
    internal async Task<SessionResources> FindSessionResourcesAsync(CancellationToken cancellationToken)
    {
        var clusters = new List<string>();
        var services = new List<(string Cluster, string Arn)>();
        var tasks = new List<(string Cluster, string Arn)>();
        await foreach (var clusterArn in _aws.Ecs.ListAllClusterArnsAsync(null, cancellationToken).ConfigureAwait(false))
        {
            var cluster = Arn.NameOf(clusterArn);
            if (await IsOursAsync(clusterArn, cancellationToken).ConfigureAwait(false)) clusters.Add(cluster);
            await foreach (var serviceArn in _aws.Ecs.ListAllServiceArnsAsync(new ListServicesRequest { Cluster = cluster }, cancellationToken).ConfigureAwait(false))
                if (await IsOursAsync(serviceArn, cancellationToken).ConfigureAwait(false)) services.Add((cluster, serviceArn));
            var running = await ListTaskArnsAsync(cluster, null, cancellationToken).ConfigureAwait(false);
            foreach (var batch in running.Chunk(100))
            {
                var described = await _aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = batch, Include = ["TAGS"] }, cancellationToken).ConfigureAwait(false);
                foreach (var task in described.Tasks ?? [])
                    if (task.Group?.StartsWith("service:", StringComparison.Ordinal) != true
                        && Tags.Marks((task.Tags ?? []).Select(t => new KeyValuePair<string, string?>(t.Key, t.Value))))
                        tasks.Add((cluster, task.TaskArn!));
            }
        }
        var definitions = new List<string>();
        await foreach (var arn in _aws.Ecs.ListAllTaskDefinitionArnsAsync(new ListTaskDefinitionsRequest { Status = "ACTIVE" }, cancellationToken).ConfigureAwait(false))
            if (await IsOursAsync(arn, cancellationToken).ConfigureAwait(false)) definitions.Add(arn);
        var repositories = new List<string>();
        foreach (var name in _ledger.Repositories)
        {
            try
            {
                await _aws.Ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] }, cancellationToken).ConfigureAwait(false);
                repositories.Add(name);
            }
            catch (AwsServiceException e) when (e.ErrorCode == "RepositoryNotFoundException")
            {
                _ledger.RemoveRepository(name);
            }
        }
        var groups = new List<string>();
        foreach (var name in _ledger.LogGroups)
        {
            var exists = false;
            await foreach (var group in _aws.Logs.DescribeAllLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = name }, cancellationToken).ConfigureAwait(false))
                exists |= group.LogGroupName == name;
            if (exists) groups.Add(name);
            else _ledger.RemoveLogGroup(name);
        }
        return new SessionResources(
            [.. clusters], [.. services], [.. tasks], [.. definitions], [.. repositories], [.. groups]);
    }
}

/// <summary>What a session created that still exists.</summary>
internal sealed record SessionResources(
    ImmutableArray<string> Clusters,
    ImmutableArray<(string Cluster, string Arn)> ServiceArns,
    ImmutableArray<(string Cluster, string Arn)> TaskArns,
    ImmutableArray<string> TaskDefinitionArns,
    ImmutableArray<string> Repositories,
    ImmutableArray<string> LogGroups)
{
    public ImmutableArray<string> Services => [.. ServiceArns.Select(s => $"{s.Cluster}/{Arn.NameOf(s.Arn)}")];

    public ImmutableArray<string> TaskDefinitions => [.. TaskDefinitionArns.Select(a => Arn.NameOf(a))];
}

/// <summary>What <see cref="Workshop.CleanupAsync"/> deleted, and the AWS CLI commands that do the same.</summary>
public sealed record CleanupReport
{
    /// <summary>The session whose resources were deleted.</summary>
    public required string SessionId { get; init; }

    /// <summary>Services deleted, as <c>CLUSTER/NAME</c>.</summary>
    public ImmutableArray<string> Services { get; init; } = [];

    /// <summary>Standalone tasks stopped (ids).</summary>
    public ImmutableArray<string> Tasks { get; init; } = [];

    /// <summary>Task definitions deregistered (<c>family:rev</c>).</summary>
    public ImmutableArray<string> TaskDefinitions { get; init; } = [];

    /// <summary>Clusters deleted.</summary>
    public ImmutableArray<string> Clusters { get; init; } = [];

    /// <summary>ECR repositories deleted (with their images).</summary>
    public ImmutableArray<string> Repositories { get; init; } = [];

    /// <summary>Log groups deleted.</summary>
    public ImmutableArray<string> LogGroups { get; init; } = [];

    /// <summary>The AWS CLI commands that do the same, in order.</summary>
    public ImmutableArray<string> Commands { get; init; } = [];
}
