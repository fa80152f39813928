using System.Collections.Immutable;
using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Facts.Arns;
using EcsWorkshop.Lookups;

namespace EcsWorkshop.Sessions;

/// <summary>
/// Finds what a session created that still exists: ECS resources by the session tag, repositories and log groups by
/// the session's ledger (names the ledger holds that are gone are dropped from it).
/// </summary>
internal sealed class SessionInventory(AwsClients aws, SessionTags tags, SessionLedger ledger, EcsLookups ecs, ElbLookups elb)
{
    public async Task<SessionResources> FindAsync(CancellationToken cancellationToken)
    {
        var clusters = new List<string>();
        var services = new List<(string Cluster, string Arn)>();
        var tasks = new List<(string Cluster, string Arn)>();
        await foreach (var clusterArn in aws.Ecs.ListAllClusterArnsAsync(null, cancellationToken).ConfigureAwait(false))
        {
            var cluster = Arn.NameOf(clusterArn);
            if (await IsOursAsync(clusterArn, cancellationToken).ConfigureAwait(false)) clusters.Add(cluster);
            await foreach (var serviceArn in aws.Ecs.ListAllServiceArnsAsync(new ListServicesRequest { Cluster = cluster }, cancellationToken).ConfigureAwait(false))
                if (await IsOursAsync(serviceArn, cancellationToken).ConfigureAwait(false)) services.Add((cluster, serviceArn));
            var running = await ecs.ListTaskArnsAsync(cluster, null, cancellationToken).ConfigureAwait(false);
            foreach (var batch in running.Chunk(100))
            {
                var described = await aws.Ecs.DescribeTasksAsync(new DescribeTasksRequest { Cluster = cluster, Tasks = batch, Include = ["TAGS"] }, cancellationToken).ConfigureAwait(false);
                foreach (var task in described.Tasks ?? [])
                    if (task.Group?.StartsWith("service:", StringComparison.Ordinal) != true && tags.MarksEcs(task.Tags))
                        tasks.Add((cluster, task.TaskArn!));
            }
        }
        var definitions = new List<string>();
        await foreach (var arn in aws.Ecs.ListAllTaskDefinitionArnsAsync(new ListTaskDefinitionsRequest { Status = "ACTIVE" }, cancellationToken).ConfigureAwait(false))
            if (await IsOursAsync(arn, cancellationToken).ConfigureAwait(false)) definitions.Add(arn);
        var repositories = new List<string>();
        foreach (var name in ledger.Repositories)
        {
            try
            {
                await aws.Ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] }, cancellationToken).ConfigureAwait(false);
                repositories.Add(name);
            }
            catch (AwsServiceException e) when (e.ErrorCode == "RepositoryNotFoundException")
            {
                ledger.RemoveRepository(name);
            }
        }
        var groups = new List<string>();
        foreach (var name in ledger.LogGroups)
        {
            var exists = false;
            await foreach (var group in aws.Logs.DescribeAllLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = name }, cancellationToken).ConfigureAwait(false))
                exists |= group.LogGroupName == name;
            if (exists) groups.Add(name);
            else ledger.RemoveLogGroup(name);
        }
        var (loadBalancers, targetGroups) = await LoadBalancingAsync(cancellationToken).ConfigureAwait(false);
        var securityGroups = new List<string>();
        foreach (var id in ledger.SecurityGroups)
        {
            try
            {
                await aws.Ec2.DescribeSecurityGroupsAsync(new Aws.Ec2.Model.DescribeSecurityGroupsRequest { GroupIds = [id] }, cancellationToken).ConfigureAwait(false);
                securityGroups.Add(id);
            }
            catch (AwsServiceException e) when (e.ErrorCode == "InvalidGroup.NotFound")
            {
                ledger.RemoveSecurityGroup(id);
            }
        }
        return new SessionResources([.. clusters], [.. services], [.. tasks], [.. definitions], [.. repositories], [.. groups])
        {
            LoadBalancers = loadBalancers,
            TargetGroups = targetGroups,
            SecurityGroups = [.. securityGroups],
        };
    }

    /// <summary>The session's load balancers and target groups, found by their tags (ELBv2's DescribeTags).</summary>
    private async Task<(ImmutableArray<Aws.Elb.Model.LoadBalancer>, ImmutableArray<Aws.Elb.Model.TargetGroup>)> LoadBalancingAsync(CancellationToken cancellationToken)
    {
        var lbs = await elb.AllLoadBalancersAsync(cancellationToken).ConfigureAwait(false);
        var groups = await elb.AllTargetGroupsAsync(cancellationToken).ConfigureAwait(false);
        var tagged = await elb.TagsAsync(lbs.Select(l => l.LoadBalancerArn!).Concat(groups.Select(g => g.TargetGroupArn!)), cancellationToken).ConfigureAwait(false);
        bool Ours(string? arn) => arn is not null && tagged.TryGetValue(arn, out var t) && tags.MarksElb(t);
        return ([.. lbs.Where(l => Ours(l.LoadBalancerArn))], [.. groups.Where(g => Ours(g.TargetGroupArn))]);
    }

    private async Task<bool> IsOursAsync(string ecsArn, CancellationToken cancellationToken)
    {
        var found = await aws.Ecs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = ecsArn }, cancellationToken).ConfigureAwait(false);
        return tags.MarksEcs(found.Tags);
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
    /// <summary>Load balancers tagged with the session.</summary>
    public ImmutableArray<Aws.Elb.Model.LoadBalancer> LoadBalancers { get; init; } = [];

    /// <summary>Target groups tagged with the session.</summary>
    public ImmutableArray<Aws.Elb.Model.TargetGroup> TargetGroups { get; init; } = [];

    /// <summary>Security groups the session created (its ledger), still there.</summary>
    public ImmutableArray<string> SecurityGroups { get; init; } = [];

    public ImmutableArray<string> Services => [.. ServiceArns.Select(s => $"{s.Cluster}/{Arn.NameOf(s.Arn)}")];

    public ImmutableArray<string> TaskDefinitions => [.. TaskDefinitionArns.Select(a => Arn.NameOf(a))];
}
