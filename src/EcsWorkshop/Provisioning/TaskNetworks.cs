using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Errors;

namespace EcsWorkshop.Provisioning;

/// <summary>
/// Where a Fargate task is placed (awsvpc): the subnets and security groups given; else, in the simulator, the seed
/// hands-on's <c>subnet-abcd1234</c>/<c>sg-abcd1234</c>; else, in AWS mode, the default VPC's subnets and its default
/// security group, with a public IP so the task can pull its image.
/// </summary>
internal sealed class TaskNetworks(AwsClients aws, WorkshopMode mode)
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

    /// <summary>AWS mode: the default VPC's subnets and its default security group.</summary>
    public async Task<(IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups)> DefaultNetworkAsync(CancellationToken cancellationToken)
    {
        var vpc = await aws.Ec2.FindDefaultVpcAsync(cancellationToken).ConfigureAwait(false)
            ?? throw WorkshopStepException.Workshop("サービスの作成", "NoDefaultVpc", "このリージョンにデフォルト VPC がありません",
                $"リージョン `{aws.Settings.Region.SystemName}` にデフォルト VPC が見つからないので、タスクを置くサブネットを決められません。",
                "Fargate のタスクは VPC のサブネットに置かれます。サブネットを指定しないときは、デフォルト VPC のサブネットを使います。",
                "`subnets:` と `securityGroups:` を指定するか、`aws ec2 create-default-vpc` でデフォルト VPC を作ってください。",
                "No default VPC in the region.");
        var subnets = new List<string>();
        await foreach (var subnet in aws.Ec2.DescribeAllSubnetsAsync(vpc.VpcId!, cancellationToken).ConfigureAwait(false))
            if (subnet.SubnetId is { } id) subnets.Add(id);
        var group = await aws.Ec2.FindDefaultSecurityGroupAsync(vpc.VpcId!, cancellationToken).ConfigureAwait(false);
        return ([.. subnets.Order(StringComparer.Ordinal)], group?.GroupId is { } g ? [g] : []);
    }

    /// <summary>The network as the AWS CLI's <c>--network-configuration</c> shorthand.</summary>
    public static string CliValue(NetworkConfiguration network)
    {
        var vpc = network.AwsvpcConfiguration!;
        return $"awsvpcConfiguration={{subnets=[{string.Join(',', vpc.Subnets!)}],securityGroups=[{string.Join(',', vpc.SecurityGroups ?? [])}]"
            + (vpc.AssignPublicIp is { } assign ? $",assignPublicIp={assign}" : "") + "}";
    }
}
