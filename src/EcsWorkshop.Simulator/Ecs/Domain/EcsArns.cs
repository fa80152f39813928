namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>
/// ECS ARNs in the long format, for one region of the simulated account, and the reverse:
/// turning what a user typed (a name or an ARN) into the ARN it means.
/// </summary>
public sealed record EcsArns(string Region, string AccountId)
{
    private string Prefix => $"arn:aws:ecs:{Region}:{AccountId}:";

    public string Cluster(string name) => $"{Prefix}cluster/{name}";
    public string Service(string clusterName, string name) => $"{Prefix}service/{clusterName}/{name}";
    public string Task(string clusterName, string id) => $"{Prefix}task/{clusterName}/{id}";
    public string TaskDefinition(string family, int revision) => $"{Prefix}task-definition/{family}:{revision}";
    public string Container(string clusterName, string taskId, string id) => $"{Prefix}container/{clusterName}/{taskId}/{id}";

    /// <summary>Whether an ARN belongs to this region and account.</summary>
    public bool Owns(string arn) => arn.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The cluster a user named: absent means <c>default</c>; a name or a cluster ARN.</summary>
    public string ClusterArnFor(string? nameOrArn) =>
        string.IsNullOrEmpty(nameOrArn) ? Cluster("default")
        : nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn
        : Cluster(nameOrArn);

    /// <summary>The region and account of any ARN (<c>arn:aws:SERVICE:REGION:ACCOUNT:...</c>).</summary>
    public static EcsArns Of(string arn)
    {
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn"
            ? new EcsArns(parts[3], parts[4])
            : throw new ArgumentException($"'{arn}' is not an ARN.", nameof(arn));
    }

    /// <summary>The cluster name inside a cluster ARN, or the input itself.</summary>
    public static string ClusterName(string clusterArn) => LastSegment(clusterArn);

    /// <summary>The last segment of a resource ARN (its name or id), or the input itself when it is not an ARN.</summary>
    public static string LastSegment(string nameOrArn)
    {
        var slash = nameOrArn.LastIndexOf('/');
        return nameOrArn.StartsWith("arn:", StringComparison.Ordinal) && slash >= 0 ? nameOrArn[(slash + 1)..] : nameOrArn;
    }
}
