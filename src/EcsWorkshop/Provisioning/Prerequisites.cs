using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Iam.Model;
using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Sessions;

namespace EcsWorkshop.Provisioning;

/// <summary>
/// What a task definition needs before it is registered: its log group, and (AWS mode) the task execution role;
/// each created only when missing, tagged with the session, and (the log group) remembered for cleanup.
/// </summary>
internal sealed class Prerequisites(AwsClients aws, SessionTags tags, SessionLedger ledger)
{
    /// <summary>Creates the log group (tagged, remembered for cleanup) unless it exists.</summary>
    public async Task EnsureLogGroupAsync(string name, CancellationToken cancellationToken)
    {
        await foreach (var group in aws.Logs.DescribeAllLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = name }, cancellationToken).ConfigureAwait(false))
            if (group.LogGroupName == name) return;
        await aws.Logs.CreateLogGroupAsync(new CreateLogGroupRequest { LogGroupName = name, Tags = tags.ForLogs() }, cancellationToken).ConfigureAwait(false);
        ledger.AddLogGroup(name);
    }

    /// <summary>
    /// AWS mode: the ARN of <c>ecsTaskExecutionRole</c>, created (trusting ecs-tasks, with
    /// AmazonECSTaskExecutionRolePolicy, tagged) when the account has none.
    /// </summary>
    public async Task<string> EnsureExecutionRoleAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await aws.Iam.GetRoleAsync(Workshop.ExecutionRoleName, cancellationToken).ConfigureAwait(false)).Arn!;
        }
        catch (AwsServiceException e) when (e.ErrorCode == "NoSuchEntity")
        {
            var role = await aws.Iam.CreateRoleAsync(new CreateRoleRequest
            {
                RoleName = Workshop.ExecutionRoleName,
                AssumeRolePolicyDocument = IamPolicies.EcsTasksTrustPolicy,
                Description = "ECS task execution role created by the ECS workshop",
                Tags = tags.ForIam(),
            }, cancellationToken).ConfigureAwait(false);
            await aws.Iam.AttachRolePolicyAsync(Workshop.ExecutionRoleName, IamPolicies.AmazonEcsTaskExecutionRolePolicyArn, cancellationToken).ConfigureAwait(false);
            return role.Arn!;
        }
    }
}
