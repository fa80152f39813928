using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Provisioning;
using EcsWorkshop.Sessions;
using EcsWorkshop.Steps;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>
    /// Step: register a Fargate task definition (<c>aws ecs register-task-definition</c>): awsvpc, FARGATE, the given
    /// cpu and memory, one container; with awslogs its log group is created first when missing. The execution role
    /// is the simulator's, or (AWS mode) <c>ecsTaskExecutionRole</c>, created if missing.
    /// </summary>
    public Task<StepResult<TaskDefinitionView>> RegisterTaskDefinitionAsync(FargateTaskDefinition definition, CancellationToken cancellationToken = default) =>
        Step("タスク定義の登録", async () =>
        {
            var executionRole = definition.ExecutionRoleArn
                ?? (Mode == WorkshopMode.Simulator ? SimulatedExecutionRoleArn : await _prerequisites.EnsureExecutionRoleAsync(cancellationToken).ConfigureAwait(false));
            if (definition.AwsLogs) await _prerequisites.EnsureLogGroupAsync(definition.EffectiveLogGroup, cancellationToken).ConfigureAwait(false);
            var container = ContainerDefinitions.Of(definition, Region);
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
                Tags = Tags.ForEcs(),
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
                .With("container-definitions", ContainerDefinitions.CliJson(container));
            return _results.Of($"タスク定義 {view.FamilyRevision} を登録しました", view, command,
                $"リビジョンは登録のたびに 1 つ増えます (今回は `{view.Revision}`)。`compatibilities` に `FARGATE` があれば Fargate で動かせます。",
                ExplanationTopic.TaskDefinition, ExplanationTopic.TaskRoles);
        });

    /// <summary>Step: describe a task definition (<c>family</c> = the latest ACTIVE revision, or <c>family:rev</c>).</summary>
    public Task<StepResult<TaskDefinitionView>> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken = default) =>
        Step("タスク定義の確認", async () =>
        {
            var response = await _aws.Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = taskDefinition }, cancellationToken).ConfigureAwait(false);
            return _results.Of("タスク定義", Views.Of(response.TaskDefinition!),
                AwsCliCommand.For("ecs", "describe-task-definition").With("task-definition", taskDefinition),
                "`cpu`・`memory`・`networkMode`・コンテナのイメージを確認してください。", ExplanationTopic.TaskDefinition);
        });
}
