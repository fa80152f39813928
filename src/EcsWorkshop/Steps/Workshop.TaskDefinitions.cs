using System.Text.Json;
using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Iam.Model;
using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Steps;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>The execution role AWS mode ensures (the name the AWS console uses).</summary>
    public const string ExecutionRoleName = "ecsTaskExecutionRole";

    /// <summary>
    /// Step: register a Fargate task definition (<c>aws ecs register-task-definition</c>): awsvpc, FARGATE, the given
    /// cpu and memory, one container; with awslogs its log group is created first when missing. The execution role
    /// is the simulator's, or (AWS mode) <c>ecsTaskExecutionRole</c>, created if missing.
    /// </summary>
    public Task<StepResult<TaskDefinitionView>> RegisterTaskDefinitionAsync(FargateTaskDefinition definition, CancellationToken cancellationToken = default) =>
        Step("タスク定義の登録", async () =>
        {
            var executionRole = definition.ExecutionRoleArn
                ?? (Mode == WorkshopMode.Simulator ? SimulatedExecutionRoleArn : await EnsureExecutionRoleAsync(cancellationToken).ConfigureAwait(false));
            if (definition.AwsLogs) await EnsureLogGroupAsync(definition.EffectiveLogGroup, cancellationToken).ConfigureAwait(false);
            var container = ContainerOf(definition);
            var request = new RegisterTaskDefinitionRequest
            {
                Family = definition.Family,
                RequiresCompatibilities = [Compatibilities.Fargate],
                NetworkMode = NetworkModes.Awsvpc,
                Cpu = definition.Cpu,
                Memory = definition.Memory,
                ExecutionRoleArn = executionRole,
                TaskRoleArn = definition.TaskRoleArn,
                ContainerDefinitions = [container],
                Tags = EcsTags,
            };
            var response = await _aws.Ecs.RegisterTaskDefinitionAsync(request, cancellationToken).ConfigureAwait(false);
            var view = Views.Of(response.TaskDefinition!);
            var command = AwsCliCommand.For("ecs", "register-task-definition")
                .With("family", definition.Family)
                .With("requires-compatibilities", Compatibilities.Fargate)
                .With("network-mode", NetworkModes.Awsvpc)
                .With("cpu", definition.Cpu)
                .With("memory", definition.Memory)
                .With("execution-role-arn", executionRole)
                .With("task-role-arn", definition.TaskRoleArn)
                .With("container-definitions", JsonSerializer.Serialize(new[] { container }, CliJson));
            return Result($"タスク定義 {view.FamilyRevision} を登録しました", view, command,
                $"リビジョンは登録のたびに 1 つ増えます (今回は `{view.Revision}`)。`compatibilities` に `FARGATE` があれば Fargate で動かせます。",
                ExplanationTopic.TaskDefinition, ExplanationTopic.TaskRoles);
        });

    /// <summary>Step: describe a task definition (<c>family</c> = the latest ACTIVE revision, or <c>family:rev</c>).</summary>
    public Task<StepResult<TaskDefinitionView>> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken = default) =>
        Step("タスク定義の確認", async () =>
        {
            var response = await _aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = taskDefinition }, cancellationToken).ConfigureAwait(false);
            return Result("タスク定義", Views.Of(response.TaskDefinition!),
                AwsCliCommand.For("ecs", "describe-task-definition").With("task-definition", taskDefinition),
                "`cpu`・`memory`・`networkMode`・コンテナのイメージを確認してください。", ExplanationTopic.TaskDefinition);
        });

    private ContainerDefinition ContainerOf(FargateTaskDefinition definition) => new()
    {
        Name = definition.EffectiveContainerName,
        Image = definition.Image,
        Essential = true,
        Command = definition.Command is { } command ? [.. command] : null,
        PortMappings = definition.Port is { } port ? [new PortMapping { ContainerPort = port, Protocol = "tcp" }] : null,
        Environment = definition.Environment.IsEmpty ? null : [.. definition.Environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new NameValuePair(e.Key, e.Value))],
        LogConfiguration = definition.AwsLogs
            ? new LogConfiguration
            {
                LogDriver = LogDrivers.AwsLogs,
                Options = new Dictionary<string, string>
                {
                    ["awslogs-group"] = definition.EffectiveLogGroup,
                    ["awslogs-region"] = Region,
                    ["awslogs-stream-prefix"] = "ecs",
                },
            }
            : null,
    };

    private static readonly JsonSerializerOptions CliJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Creates the log group (tagged, remembered for cleanup) unless it exists.</summary>
    internal async Task EnsureLogGroupAsync(string name, CancellationToken cancellationToken)
    {
        await foreach (var group in _aws.Logs.DescribeAllLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = name }, cancellationToken).ConfigureAwait(false))
            if (group.LogGroupName == name) return;
        await _aws.Logs.CreateLogGroupAsync(new CreateLogGroupRequest
        {
            LogGroupName = name,
            Tags = Tags.Pairs.ToDictionary(p => p.Key, p => p.Value),
        }, cancellationToken).ConfigureAwait(false);
        _ledger.AddLogGroup(name);
    }

    /// <summary>
    /// AWS mode: the ARN of <c>ecsTaskExecutionRole</c>, created (trusting ecs-tasks, with
    /// AmazonECSTaskExecutionRolePolicy, tagged) when the account has none.
    /// </summary>
    internal async Task<string> EnsureExecutionRoleAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await _aws.Iam.GetRoleAsync(ExecutionRoleName, cancellationToken).ConfigureAwait(false)).Arn!;
        }
        catch (AwsServiceException e) when (e.ErrorCode == "NoSuchEntity")
        {
            var role = await _aws.Iam.CreateRoleAsync(new CreateRoleRequest
            {
                RoleName = ExecutionRoleName,
                AssumeRolePolicyDocument = IamPolicies.EcsTasksTrustPolicy,
                Description = "ECS task execution role created by the ECS workshop",
                Tags = [.. Tags.Pairs.Select(p => new IamTag(p.Key, p.Value))],
            }, cancellationToken).ConfigureAwait(false);
            await _aws.Iam.AttachRolePolicyAsync(ExecutionRoleName, IamPolicies.AmazonEcsTaskExecutionRolePolicyArn, cancellationToken).ConfigureAwait(false);
            return role.Arn!;
        }
    }
}
