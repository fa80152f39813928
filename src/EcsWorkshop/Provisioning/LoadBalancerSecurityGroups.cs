using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ec2.Model;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Sessions;

namespace EcsWorkshop.Provisioning;

/// <summary>
/// The security group a workshop load balancer is in, made for it and for nothing else (never the VPC's default
/// group): the listener's port open to anyone (<c>0.0.0.0/0</c>), and the targets' port open to members of the group
/// itself, so tasks placed in the same group accept the load balancer's requests and health checks. Tagged with the
/// session and remembered for cleanup; a second run finds the group by name and uses it again.
/// </summary>
internal sealed class LoadBalancerSecurityGroups(AwsClients aws, SessionTags tags, SessionLedger ledger)
{
    public static string NameFor(string loadBalancerName) => $"{loadBalancerName}-sg";

    /// <summary>The group's id, and the AWS CLI commands that make it.</summary>
    public async Task<(string GroupId, IReadOnlyList<(string What, AwsCliCommand Command)> Commands)> EnsureAsync(
        string loadBalancerName, string vpcId, int listenerPort, int targetPort, CancellationToken cancellationToken)
    {
        var name = NameFor(loadBalancerName);
        var description = $"ECS workshop: load balancer {loadBalancerName} (HTTP {listenerPort} from anywhere, port {targetPort} between its members)";
        var existing = (await aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Ec2Filter("vpc-id", vpcId), new Ec2Filter("group-name", name)],
        }, cancellationToken).ConfigureAwait(false)).SecurityGroups.FirstOrDefault();
        var groupId = existing?.GroupId;
        if (groupId is null)
        {
            groupId = await aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
            {
                GroupName = name,
                Description = description,
                VpcId = vpcId,
                Tags = tags.ForEc2(),
            }, cancellationToken).ConfigureAwait(false);
            ledger.AddSecurityGroup(groupId);
            await aws.Ec2.AuthorizeSecurityGroupIngressAsync(groupId,
            [
                new IpPermission("tcp", listenerPort, listenerPort, CidrIps: ["0.0.0.0/0"]),
                new IpPermission("tcp", targetPort, targetPort, SourceGroupIds: [groupId]),
            ], cancellationToken).ConfigureAwait(false);
        }
        return (groupId, [
            ("セキュリティグループの作成", AwsCliCommand.For("ec2", "create-security-group").With("group-name", name).With("description", description).With("vpc-id", vpcId)),
            ($"ポート {listenerPort} をだれからでも受け付ける", AwsCliCommand.For("ec2", "authorize-security-group-ingress").With("group-id", groupId)
                .With("protocol", "tcp").With("port", listenerPort).With("cidr", "0.0.0.0/0")),
            ($"ポート {targetPort} を同じグループから受け付ける", AwsCliCommand.For("ec2", "authorize-security-group-ingress").With("group-id", groupId)
                .With("protocol", "tcp").With("port", targetPort).With("source-group", groupId)),
        ]);
    }
}
