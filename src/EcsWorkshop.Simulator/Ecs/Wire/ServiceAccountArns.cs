using System.Collections.Concurrent;
using EcsWorkshop.Simulator.Ecs.Domain;

namespace EcsWorkshop.Simulator.Ecs.Wire;

/// <summary>
/// The IAM ARNs a service's description names in its account: the service-linked role ECS uses and the account's
/// root (<c>createdBy</c>). Built once per account, not per service per DescribeServices (a bounded cache: the
/// same text is built again when it is full).
/// </summary>
public sealed record ServiceAccountArns(string ServiceLinkedRole, string Root)
{
    private static readonly ConcurrentDictionary<string, ServiceAccountArns> ByAccount = new(StringComparer.Ordinal);

    /// <summary>The ARNs of the account that owns <paramref name="serviceArn"/>.</summary>
    public static ServiceAccountArns Of(string serviceArn)
    {
        if (ByAccount.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(AccountIdOf(serviceArn), out var known)) return known;
        var account = EcsArns.Of(serviceArn).AccountId;
        var built = new ServiceAccountArns(
            $"arn:aws:iam::{account}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
            $"arn:aws:iam::{account}:root");
        return ByAccount.Count < 10_000 ? ByAccount.GetOrAdd(account, built) : built;
    }

    // The account field of arn:aws:ecs:REGION:ACCOUNT:…, read in place (empty when the text has fewer fields).
    private static ReadOnlySpan<char> AccountIdOf(string arn)
    {
        var rest = arn.AsSpan();
        for (var field = 0; field < 4; field++)
        {
            var colon = rest.IndexOf(':');
            if (colon < 0) return [];
            rest = rest[(colon + 1)..];
        }
        var end = rest.IndexOf(':');
        return end < 0 ? [] : rest[..end];
    }
}
