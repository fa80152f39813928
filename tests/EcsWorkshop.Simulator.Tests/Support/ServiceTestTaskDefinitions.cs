using System.Collections.Immutable;
using System.Text.Json;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>
/// Valid task definitions put straight into the world through the engine, for service tests written before
/// RegisterTaskDefinition is served. Each call registers the family's next revision.
/// </summary>
public static class ServiceTestTaskDefinitions
{
    /// <summary>The environment of a container that exits with code 1 after running <paramref name="seconds"/> (0: while starting).</summary>
    public static (string Name, string Value)[] ExitsAfter(int seconds) =>
        [("WORKSHOP_SIMULATE_EXIT_CODE", "1"), ("WORKSHOP_SIMULATE_EXIT_AFTER", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A Fargate task definition (256 CPU / 512 MiB, awsvpc, one nginx container) with an optional environment.</summary>
    public static TaskDefinition PutFargate(EcsEngine engine, EcsArns arns, string family = "web", params (string Name, string Value)[] environment) =>
        Put(engine, arns, family, NetworkMode.Awsvpc, [LaunchType.Fargate], [LaunchType.Ec2, LaunchType.Fargate], environment, []);

    /// <summary>A Fargate task definition with tags of its own (for propagateTags TASK_DEFINITION).</summary>
    public static TaskDefinition PutTaggedFargate(EcsEngine engine, EcsArns arns, string family, params Tag[] tags) =>
        Put(engine, arns, family, NetworkMode.Awsvpc, [LaunchType.Fargate], [LaunchType.Ec2, LaunchType.Fargate], [], [.. tags]);

    /// <summary>An EC2-only task definition in bridge mode.</summary>
    public static TaskDefinition PutEc2Bridge(EcsEngine engine, EcsArns arns, string family = "legacy") =>
        Put(engine, arns, family, NetworkMode.Bridge, [LaunchType.Ec2], [LaunchType.Ec2], [], []);

    /// <summary>Marks a revision INACTIVE, as DeregisterTaskDefinition does.</summary>
    public static void Deregister(EcsEngine engine, TaskDefinition definition) =>
        engine.Mutate(tx =>
        {
            tx.Put(definition with { Status = TaskDefinitionStatus.Inactive, DeregisteredAt = tx.Now });
            return 0;
        });

    private static TaskDefinition Put(
        EcsEngine engine, EcsArns arns, string family, NetworkMode networkMode, ImmutableArray<LaunchType> requires,
        ImmutableArray<LaunchType> compatibilities, (string Name, string Value)[] environment, ImmutableArray<Tag> tags) =>
        engine.Mutate(tx =>
        {
            var prefix = arns.TaskDefinition(family, 0)[..^1];
            var revision = tx.World.TaskDefinitions.Keys.Count(arn => arn.StartsWith(prefix, StringComparison.Ordinal)) + 1;
            var definition = new TaskDefinition(
                Arn: arns.TaskDefinition(family, revision),
                Family: family,
                Revision: revision,
                Status: TaskDefinitionStatus.Active,
                ContainerDefinitions: [Container(networkMode, environment)],
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
                Tags: tags,
                Extra: ImmutableDictionary<string, JsonElement>.Empty);
            tx.Put(definition);
            return definition;
        });

    private static ContainerDefinition Container(NetworkMode networkMode, (string Name, string Value)[] environment) => new(
        Name: "web",
        Image: "public.ecr.aws/nginx/nginx:latest",
        Cpu: 0,
        Memory: networkMode == NetworkMode.Awsvpc ? null : 256,
        MemoryReservation: null,
        Essential: true,
        PortMappings: [new PortMapping(80, networkMode == NetworkMode.Awsvpc ? 80 : 0, "tcp", null, null)],
        Command: [],
        EntryPoint: [],
        Environment: [.. environment.Select(e => new KeyValue(e.Name, e.Value))],
        Secrets: [],
        LogConfiguration: null,
        HealthCheck: null,
        Hostname: null,
        Privileged: null,
        Extra: ImmutableDictionary<string, JsonElement>.Empty);
}
