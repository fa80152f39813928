using System.Collections.Immutable;
using System.Text.Json;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tags;

/// <summary>
/// Services, tasks and task definitions put straight into the world with <c>Engine.Mutate(tx =&gt; tx.Put(...))</c>,
/// bypassing the operations that normally create them, so that tagging is tested apart from those operations.
/// Clusters are created through CreateCluster as usual.
/// </summary>
internal static class DirectlyPlacedEntities
{
    public static string PutTaskDefinition(this SimulatedWorld world, string family, int revision)
    {
        var arn = world.Arns.TaskDefinition(family, revision);
        var now = world.Clock.GetUtcNow();
        world.Engine.Mutate(tx =>
        {
            tx.Put(new TaskDefinition(
                arn, family, revision, TaskDefinitionStatus.Active,
                [new ContainerDefinition("web", "public.ecr.aws/nginx/nginx:latest", 0, null, null, true,
                    [new PortMapping(80, 80, "tcp", null, null)], [], [], [], [], null, null, null, null,
                    ImmutableDictionary<string, JsonElement>.Empty)],
                NetworkMode.Awsvpc, [LaunchType.Fargate], [LaunchType.Ec2, LaunchType.Fargate], "256", "512",
                null, null, null, null, null, null, now, null, [], ImmutableDictionary<string, JsonElement>.Empty));
            return arn;
        });
        return arn;
    }

    public static string PutService(this SimulatedWorld world, string clusterName, string name, string taskDefinitionArn)
    {
        var arn = world.Arns.Service(clusterName, name);
        var now = world.Clock.GetUtcNow();
        var network = new NetworkConfiguration(["subnet-abcd1234"], ["sg-abcd1234"], false);
        world.Engine.Mutate(tx =>
        {
            tx.Put(new Service(
                arn, name, world.Arns.Cluster(clusterName), ServiceStatus.Active, 0, taskDefinitionArn, LaunchType.Fargate,
                [], "LATEST", null, network, DeploymentConfiguration.Default, "ECS", "REPLICA", false, false, null, null, null,
                [new Deployment("ecs-svc/1234567890123456789", DeploymentStatus.Primary, taskDefinitionArn, 0, 0, LaunchType.Fargate,
                    "1.4.0", network, RolloutState.Completed, "ECS deployment ecs-svc/1234567890123456789 completed.", now, now)],
                [], now, null, []));
            return arn;
        });
        return arn;
    }

    public static string PutStoppedTask(this SimulatedWorld world, string clusterName, string taskDefinitionArn)
    {
        var id = world.Engine.Ids.TaskId();
        var arn = world.Arns.Task(clusterName, id);
        var now = world.Clock.GetUtcNow();
        world.Engine.Mutate(tx =>
        {
            tx.Put(new EcsTask(
                arn, id, world.Arns.Cluster(clusterName), taskDefinitionArn, "family:sample-fargate", null, null,
                LaunchType.Fargate, "1.4.0", "Linux", "256", "512", EcsTaskStatus.Stopped, EcsTaskStatus.Stopped,
                [], null, "ap-northeast-1a", false, [], TaskOverrides.None, null,
                now, null, null, null, null, now, now, now, StopCode.UserInitiated, "Task stopped by user", null, 1));
            return arn;
        });
        return arn;
    }
}
