using System.Text.RegularExpressions;
using EcsWorkshop.Facts.Fargate;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

/// <summary>
/// Whether a task definition can run on Fargate, and if not, why — in the words ECS uses when
/// <c>requiresCompatibilities</c> includes FARGATE. A task definition that passes reports FARGATE among its
/// compatibilities.
/// </summary>
public static partial class FargateRules
{
    /// <summary>The log drivers Fargate tasks can use.</summary>
    public static readonly IReadOnlyList<string> LogDrivers = ["awslogs", "splunk", "awsfirelens"];

    /// <summary>The first reason the task definition cannot run on Fargate, or null when it can.</summary>
    public static AwsServiceException? Violation(TaskDefinition definition)
    {
        if (definition.EffectiveNetworkMode != NetworkMode.Awsvpc)
            return EcsErrors.Client("Fargate only supports network mode ‘awsvpc’.");
        if (definition.CpuUnits is not { } cpu)
            return EcsErrors.Client("Fargate requires that 'cpu' be defined at the task level.");
        if (definition.MemoryMiB is not { } memory)
            return EcsErrors.Client("Fargate requires that 'memory' be defined at the task level.");
        if (!FargateSizes.IsValid(cpu, memory, definition.RuntimePlatform?.IsWindows == true))
            return EcsErrors.Client($"No Fargate configuration exists for given values: {cpu} CPU, {memory} memory. See the Amazon ECS documentation for the valid values.");
        if (definition.IpcMode is not null)
            return EcsErrors.Client("Tasks using the Fargate launch type do not support ipcMode.");
        if (definition.PidMode == "host")
            return EcsErrors.Client("Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.");
        foreach (var container in definition.ContainerDefinitions)
            if (ContainerViolation(container, definition.ExecutionRoleArn) is { } violation)
                return violation;
        return null;
    }

    /// <summary>True when the image lives in a private ECR registry (<c>ACCOUNT.dkr.ecr.REGION.amazonaws.com/…</c>).</summary>
    public static bool IsPrivateEcrImage(string image) => PrivateEcrImage().IsMatch(image);

    private static AwsServiceException? ContainerViolation(ContainerDefinition container, string? executionRoleArn)
    {
        if (container.Privileged == true)
            return EcsErrors.Client("Tasks using the Fargate launch type do not support privileged mode.");
        var noExecutionRole = string.IsNullOrEmpty(executionRoleArn);
        if (container.LogConfiguration is { } log)
        {
            if (!LogDrivers.Contains(log.LogDriver))
                return EcsErrors.Client($"Log driver {log.LogDriver} is not supported on Fargate. Supported log drivers: {string.Join(", ", LogDrivers)}.");
            if (log.LogDriver == "awslogs" && noExecutionRole)
                return EcsErrors.Client("Fargate requires task definition to have execution role ARN to support log driver awslogs.");
            if (log.LogDriver == "awslogs" && !log.Options.ContainsKey("awslogs-stream-prefix"))
                return EcsErrors.Client("Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.");
        }
        if (noExecutionRole && IsPrivateEcrImage(container.Image))
            return EcsErrors.Client("Fargate requires task definition to have execution role ARN to support ECR images.");
        return null;
    }

    [GeneratedRegex(@"^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/")]
    private static partial Regex PrivateEcrImage();
}
