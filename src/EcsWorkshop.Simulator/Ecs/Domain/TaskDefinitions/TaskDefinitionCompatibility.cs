using EcsWorkshop.Simulator.Errors;
using System.Collections.Immutable;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

/// <summary>
/// The launch types a task definition can run on (its <c>compatibilities</c>): EC2 always; EXTERNAL (ECS Anywhere)
/// unless it uses awsvpc; FARGATE when <see cref="FargateRules"/> finds nothing in the way. A launch type the user
/// requires but the definition cannot satisfy is refused at registration.
/// </summary>
public static class TaskDefinitionCompatibility
{
    /// <summary>The compatibilities, in the order ECS lists them (<c>EXTERNAL, EC2</c> or <c>EC2, FARGATE</c>).</summary>
    public static ImmutableArray<LaunchType> Of(TaskDefinition definition)
    {
        var result = ImmutableArray.CreateBuilder<LaunchType>();
        if (ExternalViolation(definition) is null) result.Add(LaunchType.External);
        result.Add(LaunchType.Ec2);
        if (FargateRules.Violation(definition) is null) result.Add(LaunchType.Fargate);
        return result.ToImmutable();
    }

    /// <summary>Throws the reason a required launch type cannot run the definition.</summary>
    public static void CheckRequired(TaskDefinition definition)
    {
        foreach (var launchType in definition.RequiresCompatibilities)
        {
            var violation = launchType switch
            {
                LaunchType.Fargate => FargateRules.Violation(definition),
                LaunchType.External => ExternalViolation(definition),
                _ => null,
            };
            if (violation is not null) throw violation;
        }
    }

    /// <summary>ECS Anywhere runs bridge, host and none tasks only.</summary>
    private static DomainError? ExternalViolation(TaskDefinition definition) =>
        definition.EffectiveNetworkMode == NetworkMode.Awsvpc
            ? EcsErrors.ExternalNetworkMode.With()
            : null;
}
