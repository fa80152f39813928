using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Lookups;

namespace EcsWorkshop.Provisioning;

/// <summary>
/// Where a Fargate task is placed (awsvpc): the subnets and security groups given; else, in the simulator, the seed
/// hands-on's <c>subnet-abcd1234</c>/<c>sg-abcd1234</c>; else, in AWS mode, the default VPC's subnets and a security
/// group of the session's own (<see cref="TaskSecurityGroups"/>, never the default group), with a public IP so the
/// task can pull its image.
/// The default VPC is found with the same EC2 lookups as the load balancer's (<see cref="NetworkLookups"/>).
/// </summary>
internal sealed class TaskNetworks(AwsClients aws, WorkshopMode mode, TaskSecurityGroups groups)
{
    public async Task<NetworkConfiguration> ChooseAsync(IReadOnlyList<string>? subnets, IReadOnlyList<string>? securityGroups, CancellationToken cancellationToken)
    {
        if (subnets is { Count: > 0 })
            return new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = subnets, SecurityGroups = securityGroups } };
        if (mode == WorkshopMode.Simulator)
            return new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [Workshop.SimulatedSubnet], SecurityGroups = securityGroups ?? [Workshop.SimulatedSecurityGroup] },
            };
        var defaults = await DefaultNetworkAsync(cancellationToken).ConfigureAwait(false);
        return new NetworkConfiguration
        {
            AwsvpcConfiguration = new AwsVpcConfiguration
            {
                Subnets = defaults.Subnets,
                SecurityGroups = securityGroups ?? defaults.SecurityGroups,
                AssignPublicIp = AssignPublicIpValues.Enabled,
            },
        };
    }

    /// <summary>
    /// AWS mode: the default VPC's default subnets (one per Availability Zone) and the session's task security group
    /// (made on first use).
    /// </summary>
    public async Task<(IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups)> DefaultNetworkAsync(CancellationToken cancellationToken)
    {
        var network = await new NetworkLookups(aws).DefaultNetworkAsync("サービスの作成", cancellationToken).ConfigureAwait(false);
        return (network.SubnetIds, [await groups.EnsureAsync(network.VpcId, cancellationToken).ConfigureAwait(false)]);
    }

    /// <summary>The network as the AWS CLI's <c>--network-configuration</c> shorthand.</summary>
    public static string CliValue(NetworkConfiguration network)
    {
        var vpc = network.AwsvpcConfiguration!;
        return $"awsvpcConfiguration={{subnets=[{string.Join(',', vpc.Subnets!)}],securityGroups=[{string.Join(',', vpc.SecurityGroups ?? [])}]"
            + (vpc.AssignPublicIp is { } assign ? $",assignPublicIp={assign}" : "") + "}";
    }
}
