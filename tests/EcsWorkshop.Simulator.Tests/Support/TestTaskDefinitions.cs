using System.Collections.Immutable;
using System.Text.Json;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>
/// Valid task definitions put straight into the world through the engine (each call puts the family's next revision),
/// for domain tests that are about tasks and services rather than about registering task definitions.
/// </summary>
public static class TestTaskDefinitions
{
    /// <summary>A container definition: nginx on port 80, essential, with optional environment variables.</summary>
    public static ContainerDefinition Container(
        string name = "web",
        bool essential = true,
        HealthCheck? healthCheck = null,
        params (string Name, string Value)[] environment) => new(
        Name: name,
        Image: "public.ecr.aws/nginx/nginx:latest",
        Cpu: 0,
        Memory: null,
        MemoryReservation: null,
        Essential: essential,
        PortMappings: [new PortMapping(80, 80, "tcp", null, null)],
        Command: [],
        EntryPoint: [],
        Environment: [.. environment.Select(e => new KeyValue(e.Name, e.Value))],
        Secrets: [],
        LogConfiguration: null,
        HealthCheck: healthCheck,
        Hostname: null,
        Privileged: null,
        Extra: ImmutableDictionary<string, JsonElement>.Empty);

    /// <summary>Puts the next revision of a Fargate task definition (256 CPU / 512 MiB, awsvpc) and returns it.</summary>
    public static TaskDefinition PutFargate(EcsEngine engine, EcsArns arns, string family = "web", params ContainerDefinition[] containers) =>
        Put(engine, arns, family, NetworkMode.Awsvpc, [LaunchType.Fargate], [LaunchType.Ec2, LaunchType.Fargate], containers);

    /// <summary>Puts the next revision of a Fargate task definition with tags of its own (for propagateTags TASK_DEFINITION).</summary>
    public static TaskDefinition PutTaggedFargate(EcsEngine engine, EcsArns arns, string family, params Tag[] tags) =>
        Put(engine, arns, family, NetworkMode.Awsvpc, [LaunchType.Fargate], [LaunchType.Ec2, LaunchType.Fargate], [], [.. tags]);

    /// <summary>Puts the next revision of an EC2-only bridge-mode task definition (host port chosen by ECS) and returns it.</summary>
    public static TaskDefinition PutEc2Bridge(EcsEngine engine, EcsArns arns, string family = "legacy") =>
        Put(engine, arns, family, NetworkMode.Bridge, [LaunchType.Ec2], [LaunchType.Ec2],
            [Container() with { Memory = 256, PortMappings = [new PortMapping(80, 0, "tcp", null, null)] }]);

    /// <summary>Marks a revision INACTIVE, as DeregisterTaskDefinition does.</summary>
    public static void Deregister(EcsEngine engine, TaskDefinition definition) =>
        engine.Mutate(tx =>
        {
            tx.Put(definition with { Status = TaskDefinitionStatus.Inactive, DeregisteredAt = tx.Now });
            return 0;
        });

    private static TaskDefinition Put(
        EcsEngine engine, EcsArns arns, string family, NetworkMode networkMode,
        ImmutableArray<LaunchType> requires, ImmutableArray<LaunchType> compatibilities, ContainerDefinition[] containers,
        ImmutableArray<Tag> tags = default) =>
        engine.Mutate(tx =>
        {
            var revision = tx.World.TaskDefinitions.Values.Count(td => td.Family == family && td.Arn.StartsWith(arns.TaskDefinition(family, 0)[..^1], StringComparison.Ordinal)) + 1;
            var definition = new TaskDefinition(
                Arn: arns.TaskDefinition(family, revision),
                Family: family,
                Revision: revision,
                Status: TaskDefinitionStatus.Active,
                ContainerDefinitions: containers.Length == 0 ? [Container()] : [.. containers],
                NetworkMode: networkMode,
                RequiresCompatibilities: requires,
                Compatibilities: compatibilities,
                Cpu: "256",
                Memory: "512",
                TaskRoleArn: null,
                ExecutionRoleArn: null,
                RuntimePlatform: null,
                EphemeralStorageGiB: null,
                PidMode: null,
                IpcMode: null,
                RegisteredAt: tx.Now,
                DeregisteredAt: null,
                Tags: tags.IsDefault ? [] : tags,
                Extra: ImmutableDictionary<string, JsonElement>.Empty);
            tx.Put(definition);
            return definition;
        });
}
