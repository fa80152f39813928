using System.Collections.Immutable;
using System.Text.Json;
using EcsWorkshop.Facts.Arns;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;

namespace EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

/// <summary>
/// What RegisterTaskDefinition asks for. Cpu and memory are as the user wrote them; port mappings may lack a host
/// port (filled in from the network mode). <see cref="Extra"/> holds members the simulator does not reason about.
/// </summary>
public sealed record RegisterTaskDefinitionCommand(
    string? Family,
    ImmutableArray<ContainerDefinition> ContainerDefinitions,
    NetworkMode? NetworkMode,
    ImmutableArray<LaunchType> RequiresCompatibilities,
    string? Cpu,
    string? Memory,
    string? TaskRoleArn,
    string? ExecutionRoleArn,
    RuntimePlatform? RuntimePlatform,
    int? EphemeralStorageGiB,
    string? PidMode,
    string? IpcMode,
    ImmutableArray<Tag> Tags,
    ImmutableDictionary<string, JsonElement> Extra);

/// <summary>One failure of a batch operation: the ARN (or what the user gave) and why.</summary>
public sealed record TaskDefinitionFailure(string Arn, string Reason);

/// <summary>Registering, deregistering and deleting task definition revisions.</summary>
public static class TaskDefinitionCommands
{
    /// <summary>How many task definitions one DeleteTaskDefinitions call may name.</summary>
    public const int MaxDeletePerCall = 10;

    /// <summary>
    /// Validates and registers the next revision of a family: revisions start at 1 and go up by one per register,
    /// never reused even after a revision is deregistered or deleted.
    /// </summary>
    public static TaskDefinition Register(EcsTransaction transaction, EcsArns arns, RegisterTaskDefinitionCommand command)
    {
        TaskDefinitionRules.CheckFamily(command.Family);
        var family = command.Family!;
        var cpu = TaskDefinitionRules.NormaliseCpu(command.Cpu);
        var memory = TaskDefinitionRules.NormaliseMemory(command.Memory);
        var containers = TaskDefinitionRules.CheckContainers(command.ContainerDefinitions, command.NetworkMode ?? NetworkMode.Bridge);
        TaskDefinitionRules.CheckRuntimePlatform(command.RuntimePlatform);
        TaskDefinitionRules.CheckEphemeralStorage(command.EphemeralStorageGiB);
        TagRules.Validate(command.Tags);

        var candidate = new TaskDefinition(
            Arn: "", family, Revision: 0, TaskDefinitionStatus.Active, containers, command.NetworkMode,
            Distinct(command.RequiresCompatibilities), Compatibilities: [], cpu, memory,
            command.TaskRoleArn, command.ExecutionRoleArn, command.RuntimePlatform, command.EphemeralStorageGiB,
            command.PidMode, command.IpcMode, transaction.Now, DeregisteredAt: null, command.Tags, command.Extra)
        {
            RegisteredBy = $"arn:aws:iam::{arns.AccountId}:root",
        };
        TaskDefinitionCompatibility.CheckRequired(candidate);
        TaskDefinitionRules.CheckResources(containers, candidate.MemoryMiB);

        var key = FamilyKey(arns, family);
        var revision = (transaction.World.Families.GetValueOrDefault(key)?.LastRevision ?? 0) + 1;
        var registered = candidate with
        {
            Arn = arns.TaskDefinition(family, revision),
            Revision = revision,
            Compatibilities = TaskDefinitionCompatibility.Of(candidate),
        };
        transaction.Put(new TaskDefinitionFamily(key, family, revision));
        transaction.Put(registered);
        return registered;
    }

    /// <summary>
    /// Marks one revision INACTIVE. The reference must name a revision (<c>family:revision</c> or an ARN); a bare
    /// family is refused. Deregistering an INACTIVE revision again changes nothing.
    /// </summary>
    public static TaskDefinition Deregister(EcsTransaction transaction, EcsArns arns, string? reference)
    {
        var definition = RequireRevision(transaction.World, arns, reference);
        if (definition.Status != TaskDefinitionStatus.Active) return definition;
        var deregistered = definition with { Status = TaskDefinitionStatus.Inactive, DeregisteredAt = transaction.Now };
        transaction.Put(deregistered);
        return deregistered;
    }

    /// <summary>
    /// Moves INACTIVE revisions to DELETE_IN_PROGRESS; each reference that is not a revision, does not exist or is
    /// still ACTIVE becomes a failure instead. The revisions go away once nothing runs them
    /// (<see cref="CompleteDeletions"/>).
    /// </summary>
    public static (ImmutableArray<TaskDefinition> Deleted, ImmutableArray<TaskDefinitionFailure> Failures) Delete(
        EcsTransaction transaction, EcsArns arns, IReadOnlyList<string> references)
    {
        if (references.Count == 0)
            throw EcsErrors.NoTaskDefinitionReferences.With();
        if (references.Count > MaxDeletePerCall)
            throw EcsErrors.TooManyTaskDefinitionReferences.With(MaxDeletePerCall);

        var deleted = ImmutableArray.CreateBuilder<TaskDefinition>();
        var failures = ImmutableArray.CreateBuilder<TaskDefinitionFailure>();
        foreach (var reference in references)
        {
            if (!TaskDefinitionReference.Parse(reference).NamesRevision)
            {
                failures.Add(new(reference, "The specified task definition identifier is invalid. Specify a valid name or ARN and try again."));
                continue;
            }
            var definition = TaskDefinitionLookup.Find(transaction.World, arns, reference);
            if (definition is null)
            {
                failures.Add(new(ArnOf(arns, reference), "The specified task definition does not exist. Specify a valid account, family, revision and try again."));
                continue;
            }
            if (definition.Status == TaskDefinitionStatus.Active)
            {
                failures.Add(new(definition.Arn, "The specified task definition is still in ACTIVE status. Please deregister the target and try again."));
                continue;
            }
            if (definition.Status == TaskDefinitionStatus.Inactive)
            {
                definition = definition with { Status = TaskDefinitionStatus.DeleteInProgress, DeleteRequestedAt = transaction.Now };
                transaction.Put(definition);
            }
            deleted.Add(definition);
        }
        return (deleted.ToImmutable(), failures.ToImmutable());
    }

    /// <summary>
    /// Removes DELETE_IN_PROGRESS revisions that no live task and no ACTIVE or DRAINING service uses any more.
    /// The family keeps its last revision number, so the next register does not reuse it.
    /// </summary>
    public static void CompleteDeletions(EcsTransaction transaction)
    {
        var world = transaction.World;
        var pending = world.TaskDefinitions.Values.Where(d => d.Status == TaskDefinitionStatus.DeleteInProgress).ToList();
        foreach (var definition in pending)
        {
            var usedByTask = world.Tasks.Values.Any(t => t.IsAlive && t.TaskDefinitionArn == definition.Arn);
            var usedByService = world.Services.Values.Any(s => s.Status != ServiceStatus.Inactive &&
                (s.TaskDefinitionArn == definition.Arn ||
                 s.Deployments.Any(d => d.Status != DeploymentStatus.Inactive && d.TaskDefinitionArn == definition.Arn)));
            if (!usedByTask && !usedByService) transaction.RemoveTaskDefinition(definition.Arn);
        }
    }

    /// <summary>The key of a family's bookkeeping: the family's ARN prefix, so each region counts its own revisions.</summary>
    public static string FamilyKey(EcsArns arns, string family) => arns.TaskDefinitionFamilyPrefix(family);

    /// <summary>The revision a <c>family:revision</c> or ARN reference names, or ECS's refusal.</summary>
    private static TaskDefinition RequireRevision(EcsWorld world, EcsArns arns, string? reference)
    {
        if (string.IsNullOrEmpty(reference)) throw EcsErrors.Missing.With("taskDefinition");
        var parsed = TaskDefinitionReference.Parse(reference);
        if (parsed.RevisionText is null) throw EcsErrors.RevisionMissing.With();
        if (parsed.Revision is null) throw EcsErrors.InvalidRevision.With(parsed.RevisionText);
        return TaskDefinitionLookup.Find(world, arns, reference)
            ?? throw EcsErrors.TaskDefinitionNotFound.With();
    }

    private static string ArnOf(EcsArns arns, string reference)
    {
        var parsed = TaskDefinitionReference.Parse(reference);
        return parsed.IsArn ? reference : arns.TaskDefinition(parsed.Family, parsed.Revision!.Value);
    }

    private static ImmutableArray<LaunchType> Distinct(ImmutableArray<LaunchType> launchTypes) =>
        launchTypes.IsDefault ? [] : [.. launchTypes.Distinct()];
}
