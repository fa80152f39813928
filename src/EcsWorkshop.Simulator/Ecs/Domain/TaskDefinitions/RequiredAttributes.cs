using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

/// <summary>
/// The container-agent capabilities a task definition needs (<c>requiresAttributes</c>), derived from what it
/// uses: task networking, log drivers, task and execution roles, private ECR images, health checks.
/// </summary>
public static class RequiredAttributes
{
    /// <summary>The attribute names, in a stable order.</summary>
    public static ImmutableArray<string> Of(TaskDefinition definition)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal) { "com.amazonaws.ecs.capability.docker-remote-api.1.18" };
        if (definition.EffectiveNetworkMode == NetworkMode.Awsvpc) names.Add("ecs.capability.task-eni");
        if (!string.IsNullOrEmpty(definition.TaskRoleArn)) names.Add("com.amazonaws.ecs.capability.task-iam-role");
        var executionRole = !string.IsNullOrEmpty(definition.ExecutionRoleArn);
        foreach (var container in definition.ContainerDefinitions)
        {
            if (container.LogConfiguration is { } log)
            {
                names.Add($"com.amazonaws.ecs.capability.logging-driver.{log.LogDriver}");
                names.Add("com.amazonaws.ecs.capability.docker-remote-api.1.19");
                if (log.LogDriver == "awslogs" && executionRole) names.Add("ecs.capability.execution-role-awslogs");
            }
            if (executionRole && FargateRules.IsPrivateEcrImage(container.Image)) names.Add("ecs.capability.execution-role-ecr-pull");
            if (container.HealthCheck is not null) names.Add("ecs.capability.container-health-check");
            foreach (var secret in container.Secrets.IsDefault ? [] : container.Secrets)
                names.Add(secret.ValueFrom.Contains(":secretsmanager:", StringComparison.Ordinal)
                    ? "ecs.capability.secrets.asm.environment-variables"
                    : "ecs.capability.secrets.ssm.environment-variables");
        }
        return [.. names];
    }
}
