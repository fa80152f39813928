using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ec2.Model;
using EcsWorkshop.Errors;

namespace EcsWorkshop.Lookups;

/// <summary>The region's default VPC, as seen through EC2 (the same calls in both modes: the simulator serves EC2 too).</summary>
/// <param name="VpcId">The default VPC.</param>
/// <param name="Subnets">Its default subnets (<c>default-for-az</c>), one per Availability Zone, by zone name.</param>
/// <param name="DefaultSecurityGroupId">Its security group named <c>default</c>, or null.</param>
internal sealed record DefaultNetwork(string VpcId, IReadOnlyList<Subnet> Subnets, string? DefaultSecurityGroupId)
{
    public IReadOnlyList<string> SubnetIds => [.. Subnets.Select(s => s.SubnetId!)];
}

/// <summary>
/// EC2 reads the steps share: the default VPC (<c>DescribeVpcs isDefault=true</c>), its default subnets
/// (<c>DescribeSubnets default-for-az=true</c>) and its <c>default</c> security group (<c>DescribeSecurityGroups</c>).
/// </summary>
internal sealed class NetworkLookups(AwsClients aws)
{
    public async Task<DefaultNetwork> DefaultNetworkAsync(string step, CancellationToken cancellationToken)
    {
        var vpc = await aws.Ec2.FindDefaultVpcAsync(cancellationToken).ConfigureAwait(false)
            ?? throw WorkshopStepException.Workshop(step, "NoDefaultVpc", "このリージョンにデフォルト VPC がありません",
                $"リージョン `{aws.Settings.Region.SystemName}` にデフォルト VPC が見つからないので、サブネットを決められません。",
                "Fargate のタスクもロードバランサーも、VPC のサブネットに置かれます。サブネットを指定しないときは、デフォルト VPC のサブネットを使います。",
                "`subnets:` と `securityGroups:` を指定するか、`aws ec2 create-default-vpc` でデフォルト VPC を作ってください。",
                "No default VPC in the region.");
        var subnets = new List<Subnet>();
        await foreach (var subnet in aws.Ec2.DescribeAllDefaultSubnetsAsync(cancellationToken).ConfigureAwait(false))
            if (subnet.SubnetId is not null && subnet.VpcId == vpc.VpcId) subnets.Add(subnet);
        var group = await aws.Ec2.FindDefaultSecurityGroupAsync(vpc.VpcId!, cancellationToken).ConfigureAwait(false);
        return new DefaultNetwork(vpc.VpcId!, [.. subnets.OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal)], group?.GroupId);
    }
}
