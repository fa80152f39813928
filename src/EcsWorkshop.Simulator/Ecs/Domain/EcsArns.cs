using EcsWorkshop.Facts.Arns;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>
/// ECS ARNs in the long format, for one region of the simulated account, and the reverse:
/// turning what a user typed (a name or an ARN) into the ARN it means.
/// </summary>
public sealed record EcsArns(string Region, string AccountId)
{
    // Every ARN starts with it; built once per region and account, not per ARN (a field would take part in the
    // record's equality and be copied by `with`).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Region, string AccountId), string> Prefixes = new();

    private string Prefix =>
        Prefixes.TryGetValue((Region, AccountId), out var prefix) ? prefix
        : Prefixes.Count < 10_000 ? Prefixes.GetOrAdd((Region, AccountId), key => $"arn:aws:ecs:{key.Region}:{key.AccountId}:")
        : $"arn:aws:ecs:{Region}:{AccountId}:";

    public string Cluster(string name) => $"{Prefix}cluster/{name}";
    public string Service(string clusterName, string name) => $"{Prefix}service/{clusterName}/{name}";
    public string Task(string clusterName, string id) => $"{Prefix}task/{clusterName}/{id}";
    public string TaskDefinition(string family, int revision) => $"{TaskDefinitionFamilyPrefix(family)}{revision}";

    /// <summary>What every revision's ARN of a family starts with, <c>…:task-definition/FAMILY:</c>.</summary>
    public string TaskDefinitionFamilyPrefix(string family) => $"{Prefix}task-definition/{family}:";
    public string Container(string clusterName, string taskId, string id) => $"{Prefix}container/{clusterName}/{taskId}/{id}";

    /// <summary>Whether an ARN belongs to this region and account.</summary>
    public bool Owns(string arn) => arn.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The cluster a user named: absent means <c>default</c>; a name or a cluster ARN.</summary>
    public string ClusterArnFor(string? nameOrArn) =>
        string.IsNullOrEmpty(nameOrArn) ? Cluster("default")
        : Arn.LooksLikeArn(nameOrArn) ? nameOrArn
        : Cluster(nameOrArn);

    /// <summary>The region and account of any ARN (<c>arn:aws:SERVICE:REGION:ACCOUNT:...</c>).</summary>
    public static EcsArns Of(string arn)
    {
        var parsed = Arn.Parse(arn);
        return new EcsArns(parsed.Region, parsed.AccountId);
    }

    /// <summary>The cluster name inside a cluster ARN, or the input itself.</summary>
    public static string ClusterName(string clusterArn) => Arn.NameOf(clusterArn);
}
