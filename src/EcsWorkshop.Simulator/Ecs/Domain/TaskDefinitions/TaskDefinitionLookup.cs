using EcsWorkshop.Facts.Arns;

namespace EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

/// <summary>Finds the task definition a user referred to: <c>family</c> (latest ACTIVE revision), <c>family:revision</c> or an ARN.</summary>
public static class TaskDefinitionLookup
{
    /// <summary>The task definition, or null when there is none by that reference.</summary>
    public static TaskDefinition? Find(EcsWorld world, EcsArns arns, string reference)
    {
        var parsed = TaskDefinitionReference.Parse(reference);
        if (parsed.IsArn)
            return world.TaskDefinitions.GetValueOrDefault(reference);
        if (parsed.RevisionText is not null)
            return parsed.NamesRevision
                ? world.TaskDefinitions.GetValueOrDefault(arns.TaskDefinition(parsed.Family, parsed.Revision!.Value))
                : null;
        var familyPrefix = arns.TaskDefinitionFamilyPrefix(reference);
        return world.TaskDefinitions.Values
            .Where(td => td.Family == reference && td.Status == TaskDefinitionStatus.Active && td.Arn.StartsWith(familyPrefix, StringComparison.Ordinal))
            .MaxBy(td => td.Revision);
    }

    /// <summary>The task definition for new work (RunTask, CreateService, UpdateService): it must exist and be ACTIVE.</summary>
    public static TaskDefinition RequireActive(EcsWorld world, EcsArns arns, string? reference)
    {
        if (string.IsNullOrEmpty(reference)) throw EcsErrors.Missing.With("taskDefinition");
        var found = Find(world, arns, reference);
        if (found is null) throw EcsErrors.TaskDefinitionNotFound.With();
        if (found.Status != TaskDefinitionStatus.Active)
            throw EcsErrors.TaskDefinitionInactive.With(found.FamilyRevision);
        return found;
    }
}
