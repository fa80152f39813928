using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ec2.Model;
using EcsWorkshop.Sessions;

namespace EcsWorkshop.Provisioning;

/// <summary>
/// AWS mode: the security group the session's tasks are placed in when the learner names none — made for them, never
/// the VPC's default group (which accepts traffic only from its own members, and in many accounts has no rule at
/// all). It opens the sample app's port to anyone; its outbound rule is the one a new group gets (all traffic), so a
/// task can pull its image. Tagged with the session and remembered for cleanup; a second call finds it by name.
/// </summary>
internal sealed class TaskSecurityGroups(AwsClients aws, SessionTags tags, SessionLedger ledger)
{
    /// <summary>The sample app's port (<c>containerPort</c> 80 in lesson 04's task definition).</summary>
    public const int AppPort = 80;

    public string Name => $"ecs-workshop-{ledger.SessionId}-tasks";

    public async Task<string> EnsureAsync(string vpcId, CancellationToken cancellationToken)
    {
        var existing = (await aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Ec2Filter("vpc-id", vpcId), new Ec2Filter("group-name", Name)],
        }, cancellationToken).ConfigureAwait(false)).SecurityGroups.FirstOrDefault();
        if (existing?.GroupId is { } found) return found;
        var groupId = await aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = Name,
            Description = $"ECS workshop: tasks of session {ledger.SessionId} (TCP {AppPort} from anywhere)",
            VpcId = vpcId,
            Tags = tags.ForEc2(),
        }, cancellationToken).ConfigureAwait(false);
        ledger.AddSecurityGroup(groupId);
        await aws.Ec2.AuthorizeSecurityGroupIngressAsync(groupId,
            [new IpPermission("tcp", AppPort, AppPort, CidrIps: ["0.0.0.0/0"])], cancellationToken).ConfigureAwait(false);
        return groupId;
    }
}
