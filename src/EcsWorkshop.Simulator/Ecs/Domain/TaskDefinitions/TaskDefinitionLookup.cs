namespace EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

/// <summary>Finds the task definition a user referred to: <c>family</c> (latest ACTIVE revision), <c>family:revision</c> or an ARN.</summary>
public static class TaskDefinitionLookup
{
    /// <summary>The task definition, or null when there is none by that reference.</summary>
    public static TaskDefinition? Find(EcsWorld world, EcsArns arns, string reference)
    {
        if (reference.StartsWith("arn:", StringComparison.Ordinal))
            return world.TaskDefinitions.GetValueOrDefault(reference);
        var colon = reference.LastIndexOf(':');
        if (colon > 0)
            return int.TryParse(reference.AsSpan(colon + 1), out var revision)
                ? world.TaskDefinitions.GetValueOrDefault(arns.TaskDefinition(reference[..colon], revision))
                : null;
        var familyPrefix = arns.TaskDefinition(reference, 0)[..^1];
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
