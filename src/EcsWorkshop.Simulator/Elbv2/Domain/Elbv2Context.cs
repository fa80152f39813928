using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>A subnet as a load balancer sees it.</summary>
public sealed record VpcSubnet(string SubnetId, string VpcId, string ZoneName, string CidrBlock);

/// <summary>
/// The networking ELBv2 stands in: subnets, security groups and VPCs of a region (answered by the simulated EC2).
/// </summary>
public interface IVpcDirectory
{
    VpcSubnet? Subnet(string region, string subnetId);

    bool SecurityGroupExists(string region, string groupId);

    /// <summary>The security group named <c>default</c> of a VPC.</summary>
    string? DefaultSecurityGroup(string region, string vpcId);

    /// <summary>A VPC's IPv4 range, or null when the VPC does not exist.</summary>
    string? VpcCidr(string region, string vpcId);
}

/// <summary>How long a load balancer provisions at speed 1 (about what a small ALB takes).</summary>
public sealed record Elbv2Timings(TimeSpan Provisioning, TimeSpan Registration)
{
    public static Elbv2Timings Alb { get; } = new(Provisioning: TimeSpan.FromSeconds(60), Registration: TimeSpan.FromSeconds(10));
}

/// <summary>
/// What a simulated task (one whose containers the simulated runtime does not run) answers at a target: the HTTP
/// status of a GET, or a null status when nothing listens on that port (a refused connection).
/// </summary>
public sealed record SimulatedAnswer(int? StatusCode)
{
    /// <summary>Nothing listens on the port.</summary>
    public static SimulatedAnswer Refused { get; } = new((int?)null);
}

/// <summary>
/// The simulated tasks behind targets, answered by ECS through the integration layer: such a target is checked on
/// the clock with what its task answers for the health check path.
/// </summary>
public interface ISimulatedTargets
{
    /// <summary>What a GET of <paramref name="path"/> at <paramref name="ip"/>:<paramref name="port"/> answers, or null when no simulated task holds the address.</summary>
    SimulatedAnswer? Get(string region, string ip, int port, string path);
}

/// <summary>What ELBv2's commands need besides the world: ids, the simulated durations and the VPC directory.</summary>
public sealed record Elbv2Context(IdGenerator Ids, SimulationSettings Settings, Elbv2Timings Timings, IVpcDirectory Vpcs)
{
    /// <summary>The simulated tasks behind targets (none: every target waits for a health checker's report).</summary>
    public ISimulatedTargets? SimulatedTargets { get; init; }
}

/// <summary>ARNs and DNS names of one region of the simulated account, shaped like AWS's.</summary>
public sealed record Elbv2Arns(string Region, string AccountId)
{
    private string Prefix => $"arn:aws:elasticloadbalancing:{Region}:{AccountId}:";

    public string LoadBalancer(string name, string id) => $"{Prefix}loadbalancer/app/{name}/{id}";

    public string TargetGroup(string name, string id) => $"{Prefix}targetgroup/{name}/{id}";

    /// <summary><c>…:listener/app/NAME/LB-ID/ID</c>: the load balancer's ARN tail and the listener's own id.</summary>
    public static string Listener(string loadBalancerArn, string id) =>
        loadBalancerArn.Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal) + "/" + id;

    /// <summary><c>NAME-DIGITS.REGION.elb.amazonaws.com</c>, <c>internal-</c> first for an internal one.</summary>
    public string DnsName(string name, string scheme, long digits) =>
        $"{(scheme == "internal" ? "internal-" : "")}{name}-{digits}.{Region}.elb.amazonaws.com";

    /// <summary>
    /// The hosted zone of ALBs in a region (AWS's "Elastic Load Balancing endpoints and quotas" table, for the regions
    /// listed); other regions answer the API reference's example value.
    /// </summary>
    public string CanonicalHostedZoneId => Region switch
    {
        "us-east-1" => "Z35SXDOTRQ7X7K",
        "us-west-2" => "Z1H1FL5HABSF5",
        "ap-northeast-1" => "Z14GRHDCWA56QT",
        "eu-west-1" => "Z32O12XQLNTSW2",
        _ => "Z2P70J7EXAMPLE",
    };

    /// <summary>Whether an ARN is of this service and kind (<c>loadbalancer/app</c>, <c>targetgroup</c>, <c>listener/app</c>).</summary>
    public static bool IsArnOf(string arn, string kind) =>
        arn.StartsWith("arn:aws:elasticloadbalancing:", StringComparison.Ordinal) && arn.Split(':') is { Length: 6 } parts &&
        parts[5].StartsWith(kind + "/", StringComparison.Ordinal);
}
