using EcsWorkshop.Simulator.Errors;
namespace EcsWorkshop.Simulator.Ecs.Domain.Tags;

/// <summary>The kinds of ECS resource the simulator holds that tags can be put on.</summary>
public enum TaggableKind { Cluster, Service, Task, TaskDefinition }

/// <summary>
/// The resource a tagging request names, read from its ARN (<c>arn:aws:ecs:REGION:ACCOUNT:KIND/...</c>).
/// The kind in the ARN decides which entity it is. Short (legacy) service and task ARNs are refused as ECS refuses
/// them for tagging; ECS kinds the simulator has no resources of (container instances, capacity providers, task
/// sets) are valid ARNs that simply name nothing.
/// </summary>
public sealed record TaggableResource(string Arn, TaggableKind? Kind)
{
    private static readonly HashSet<string> KindsWithoutResources =
        new(["container-instance", "capacity-provider", "task-set"], StringComparer.Ordinal);

    /// <summary>Reads a resource ARN, or throws ECS's InvalidParameterException when it is not one.</summary>
    public static TaggableResource Parse(string? arn)
    {
        if (string.IsNullOrEmpty(arn)) throw EcsErrors.Missing.With("resourceArn");
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1] == "" || parts[2] != "ecs" || parts[3] == "" ||
            parts[4].Length != 12 || !parts[4].All(char.IsAsciiDigit))
            throw Invalid();

        var path = parts[5].Split('/');
        return path[0] switch
        {
            "cluster" when path.Length == 2 && Names.IsValid(path[1]) => new(arn, TaggableKind.Cluster),
            "service" when path.Length == 3 && Names.IsValid(path[1]) && Names.IsValid(path[2]) => new(arn, TaggableKind.Service),
            "task" when path.Length == 3 && Names.IsValid(path[1]) && path[2] != "" => new(arn, TaggableKind.Task),
            "task-definition" when path.Length == 2 && IsFamilyRevision(path[1]) => new(arn, TaggableKind.TaskDefinition),
            "service" or "task" when path.Length == 2 && path[1] != "" => throw LongArnRequired(),
            var kind when KindsWithoutResources.Contains(kind) && path.Length >= 2 => new(arn, null),
            _ => throw Invalid(),
        };
    }

    private static bool IsFamilyRevision(string familyRevision)
    {
        var colon = familyRevision.LastIndexOf(':');
        return colon > 0 && Names.IsValid(familyRevision[..colon]) &&
               int.TryParse(familyRevision.AsSpan(colon + 1), System.Globalization.NumberStyles.None, null, out var revision) &&
               revision > 0;
    }

    private static DomainError Invalid() => EcsErrors.InvalidArn.With();

    private static DomainError LongArnRequired() =>
        EcsErrors.LongArnRequired.With();
}
