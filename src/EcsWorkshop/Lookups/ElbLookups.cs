using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Elb.Model;

namespace EcsWorkshop.Lookups;

/// <summary>ELBv2 reads the steps share: a target group by name or ARN, a load balancer by name, listeners, all pages.</summary>
internal sealed class ElbLookups(AwsClients aws)
{
    /// <summary>A target group by ARN or name, or null when there is none.</summary>
    public async Task<TargetGroup?> FindTargetGroupAsync(string nameOrArn, CancellationToken cancellationToken)
    {
        try
        {
            var page = nameOrArn.StartsWith("arn:", StringComparison.Ordinal)
                ? await aws.Elb.DescribeTargetGroupsAsync(arns: [nameOrArn], cancellationToken: cancellationToken).ConfigureAwait(false)
                : await aws.Elb.DescribeTargetGroupsAsync(names: [nameOrArn], cancellationToken: cancellationToken).ConfigureAwait(false);
            return page.Items.FirstOrDefault();
        }
        catch (AwsServiceException e) when (e.ErrorCode == "TargetGroupNotFound")
        {
            return null;
        }
    }

    /// <summary>A load balancer by name, or null.</summary>
    public async Task<LoadBalancer?> FindLoadBalancerAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await aws.Elb.DescribeLoadBalancersAsync(names: [name], cancellationToken: cancellationToken).ConfigureAwait(false)).Items.FirstOrDefault();
        }
        catch (AwsServiceException e) when (e.ErrorCode == "LoadBalancerNotFound")
        {
            return null;
        }
    }

    /// <summary>Every load balancer of the region.</summary>
    public async Task<IReadOnlyList<LoadBalancer>> AllLoadBalancersAsync(CancellationToken cancellationToken)
    {
        var all = new List<LoadBalancer>();
        string? marker = null;
        do
        {
            var page = await aws.Elb.DescribeLoadBalancersAsync(marker: marker, cancellationToken: cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            marker = page.NextMarker;
        }
        while (marker is not null);
        return all;
    }

    /// <summary>Every target group of the region.</summary>
    public async Task<IReadOnlyList<TargetGroup>> AllTargetGroupsAsync(CancellationToken cancellationToken)
    {
        var all = new List<TargetGroup>();
        string? marker = null;
        do
        {
            var page = await aws.Elb.DescribeTargetGroupsAsync(marker: marker, cancellationToken: cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            marker = page.NextMarker;
        }
        while (marker is not null);
        return all;
    }

    /// <summary>The listeners of a load balancer.</summary>
    public async Task<IReadOnlyList<Listener>> ListenersOfAsync(string loadBalancerArn, CancellationToken cancellationToken)
    {
        var all = new List<Listener>();
        string? marker = null;
        do
        {
            var page = await aws.Elb.DescribeListenersAsync(loadBalancerArn, marker: marker, cancellationToken: cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items);
            marker = page.NextMarker;
        }
        while (marker is not null);
        return all;
    }

    /// <summary>The tags of resources, by ARN (DescribeTags takes at most 20 ARNs a call).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ElbTag>>> TagsAsync(IEnumerable<string> arns, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, IReadOnlyList<ElbTag>>(StringComparer.Ordinal);
        foreach (var batch in arns.Chunk(20))
            foreach (var description in await aws.Elb.DescribeTagsAsync(batch, cancellationToken).ConfigureAwait(false))
                tags[description.ResourceArn] = description.Tags;
        return tags;
    }
}
