namespace EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

/// <summary>Which families ListTaskDefinitionFamilies shows.</summary>
public enum TaskDefinitionFamilyStatus
{
    /// <summary>Families with at least one ACTIVE revision.</summary>
    Active,

    /// <summary>Families without any ACTIVE revision.</summary>
    Inactive,

    /// <summary>Every family that still has a revision (the default).</summary>
    All,
}

/// <summary>Reading task definitions: describe one, list revisions, list families — all within one region.</summary>
public static class TaskDefinitionQueries
{
    /// <summary>
    /// The revision a user named: <c>family</c> is the latest ACTIVE revision; <c>family:revision</c> and ARNs
    /// find a revision in any status.
    /// </summary>
    public static TaskDefinition Describe(EcsWorld world, EcsArns arns, string? reference)
    {
        if (string.IsNullOrEmpty(reference)) throw EcsErrors.Missing.With("taskDefinition");
        return TaskDefinitionLookup.Find(world, arns, reference)
            ?? throw EcsErrors.TaskDefinitionNotFound.With();
    }

    /// <summary>
    /// Revisions of one status (and, when given, one family — the full family name), by family name and then
    /// revision, ascending or (<paramref name="descending"/>) newest first.
    /// </summary>
    public static IEnumerable<TaskDefinition> List(
        EcsWorld world, EcsArns arns, string? family, TaskDefinitionStatus status, bool descending)
    {
        var matching = InRegion(world, arns).Where(d => d.Status == status && (string.IsNullOrEmpty(family) || d.Family == family));
        return descending
            ? matching.OrderByDescending(d => d.Family, StringComparer.Ordinal).ThenByDescending(d => d.Revision)
            : matching.OrderBy(d => d.Family, StringComparer.Ordinal).ThenBy(d => d.Revision);
    }

    /// <summary>Family names starting with <paramref name="prefix"/>, alphabetically, filtered by status.</summary>
    public static IEnumerable<string> Families(EcsWorld world, EcsArns arns, string? prefix, TaskDefinitionFamilyStatus status) =>
        InRegion(world, arns)
            .Where(d => string.IsNullOrEmpty(prefix) || d.Family.StartsWith(prefix, StringComparison.Ordinal))
            .GroupBy(d => d.Family, StringComparer.Ordinal)
            .Where(family => status switch
            {
                TaskDefinitionFamilyStatus.Active => family.Any(d => d.Status == TaskDefinitionStatus.Active),
                TaskDefinitionFamilyStatus.Inactive => family.All(d => d.Status != TaskDefinitionStatus.Active),
                _ => true,
            })
            .Select(family => family.Key)
            .Order(StringComparer.Ordinal);

    private static IEnumerable<TaskDefinition> InRegion(EcsWorld world, EcsArns arns) =>
        world.TaskDefinitions.Values.Where(d => arns.Owns(d.Arn));
}
