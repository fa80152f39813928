using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>The task definitions the service tests use, in their words; all are put by <see cref="TestTaskDefinitions"/>.</summary>
public static class ServiceTestTaskDefinitions
{
    /// <summary>The environment of a container that exits with code 1 after running <paramref name="seconds"/> (0: while starting).</summary>
    public static (string Name, string Value)[] ExitsAfter(int seconds) =>
        [("WORKSHOP_SIMULATE_EXIT_CODE", "1"), ("WORKSHOP_SIMULATE_EXIT_AFTER", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A Fargate task definition (256 CPU / 512 MiB, awsvpc, one nginx container) with an optional environment.</summary>
    public static TaskDefinition PutFargate(EcsEngine engine, EcsArns arns, string family = "web", params (string Name, string Value)[] environment) =>
        TestTaskDefinitions.PutFargate(engine, arns, family, TestTaskDefinitions.Container(environment: environment));

    /// <summary>A Fargate task definition with tags of its own (for propagateTags TASK_DEFINITION).</summary>
    public static TaskDefinition PutTaggedFargate(EcsEngine engine, EcsArns arns, string family, params Tag[] tags) =>
        TestTaskDefinitions.PutTaggedFargate(engine, arns, family, tags);

    /// <summary>An EC2-only task definition in bridge mode.</summary>
    public static TaskDefinition PutEc2Bridge(EcsEngine engine, EcsArns arns, string family = "legacy") =>
        TestTaskDefinitions.PutEc2Bridge(engine, arns, family);

    /// <summary>Marks a revision INACTIVE, as DeregisterTaskDefinition does.</summary>
    public static void Deregister(EcsEngine engine, TaskDefinition definition) => TestTaskDefinitions.Deregister(engine, definition);
}
