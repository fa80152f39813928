using EcsWorkshop.Simulator.Errors;
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
    public static DomainError? Violation(TaskDefinition definition)
    {
        if (definition.EffectiveNetworkMode != NetworkMode.Awsvpc)
            return EcsErrors.FargateNetworkMode.With();
        if (definition.CpuUnits is not { } cpu)
            return EcsErrors.FargateTaskSizeMissing.With("cpu");
        if (definition.MemoryMiB is not { } memory)
            return EcsErrors.FargateTaskSizeMissing.With("memory");
        if (!FargateSizes.IsValid(cpu, memory, definition.RuntimePlatform?.IsWindows == true))
            return EcsErrors.FargateSize.With(cpu, memory);
        if (definition.IpcMode is not null)
            return EcsErrors.FargateIpcMode.With();
        if (definition.PidMode == "host")
            return EcsErrors.FargatePidModeHost.With();
        foreach (var container in definition.ContainerDefinitions)
            if (ContainerViolation(container, definition.ExecutionRoleArn) is { } violation)
                return violation;
        return null;
    }

    /// <summary>True when the image lives in a private ECR registry (<c>ACCOUNT.dkr.ecr.REGION.amazonaws.com/…</c>).</summary>
    public static bool IsPrivateEcrImage(string image) => PrivateEcrImage().IsMatch(image);

    private static DomainError? ContainerViolation(ContainerDefinition container, string? executionRoleArn)
    {
        if (container.Privileged == true)
            return EcsErrors.FargatePrivileged.With();
        var noExecutionRole = string.IsNullOrEmpty(executionRoleArn);
        if (container.LogConfiguration is { } log)
        {
            if (!LogDrivers.Contains(log.LogDriver))
                return EcsErrors.FargateLogDriver.With(log.LogDriver, string.Join(", ", LogDrivers));
            if (log.LogDriver == "awslogs" && noExecutionRole)
                return EcsErrors.FargateAwslogsNeedsExecutionRole.With();
            if (log.LogDriver == "awslogs" && !log.Options.ContainsKey("awslogs-stream-prefix"))
                return EcsErrors.FargateAwslogsStreamPrefix.With();
        }
        if (noExecutionRole && IsPrivateEcrImage(container.Image))
            return EcsErrors.FargateEcrNeedsExecutionRole.With();
        return null;
    }

    [GeneratedRegex(@"^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/")]
    private static partial Regex PrivateEcrImage();
}
