namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// A domain event: a committed change touched a task. <paramref name="Before"/> is the task before the change (null
/// for a new task), <paramref name="After"/> the task now, and <paramref name="World"/> the world the change made (to
/// find the task's definition).
/// </summary>
public sealed record TaskChanged(EcsTask? Before, EcsTask After, EcsWorld World);
