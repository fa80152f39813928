using System.Text.Json;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>Requests and reads shared by the service tests.</summary>
public static class ServiceTestSupport
{
    public const string Subnet = "subnet-abcd1234";
    public const string SecurityGroup = "sg-abcd1234";

    /// <summary>A limit generous enough for any task to start or stop, whatever the launcher's exact timings.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>The awsvpc network configuration a Fargate service needs.</summary>
    public static object Network(string assignPublicIp = "ENABLED") => new
    {
        awsvpcConfiguration = new { subnets = new[] { Subnet }, securityGroups = new[] { SecurityGroup }, assignPublicIp },
    };

    /// <summary>A CreateService request for a Fargate service in cluster <c>workshop</c>; add or change members as needed.</summary>
    public static Dictionary<string, object?> FargateService(string name, TaskDefinition definition, int desiredCount = 1) => new()
    {
        ["cluster"] = "workshop",
        ["serviceName"] = name,
        ["taskDefinition"] = definition.FamilyRevision,
        ["desiredCount"] = desiredCount,
        ["launchType"] = "FARGATE",
        ["networkConfiguration"] = Network(),
    };

    /// <summary>Creates the <c>workshop</c> cluster and a Fargate task definition <c>web</c>; returns revision 1.</summary>
    public static TaskDefinition Prepare(SimulatedWorld world, params (string Name, string Value)[] environment)
    {
        world.Ecs("CreateCluster", new { clusterName = "workshop" });
        return ServiceTestTaskDefinitions.PutFargate(world.Engine, world.Arns, "web", environment);
    }

    /// <summary>The service as DescribeServices shows it.</summary>
    public static JsonElement Describe(this SimulatedWorld world, string name, string cluster = "workshop") =>
        world.Ecs("DescribeServices", new { cluster, services = new[] { name }, include = new[] { "TAGS" } }).GetProperty("services")[0];

    /// <summary>The service in the domain model.</summary>
    public static Service Service(this SimulatedWorld world, string name, string cluster = "workshop") =>
        world.Engine.World.Services[world.Arns.Service(cluster, name)];

    /// <summary>Every task the service started that the world still holds.</summary>
    public static IReadOnlyList<EcsTask> TasksOf(this SimulatedWorld world, string name, string cluster = "workshop")
    {
        var arn = world.Arns.Service(cluster, name);
        return [.. world.Engine.World.Tasks.Values.Where(t => t.ServiceArn == arn)];
    }

    /// <summary>Ticks until the service runs exactly its desired count in one completed deployment and says so.</summary>
    public static void AdvanceUntilSteady(this SimulatedWorld world, string name, string cluster = "workshop") =>
        world.AdvanceUntil(w => IsSteady(w.Services[world.Arns.Service(cluster, name)]), Patience);

    /// <summary>True when one completed deployment of the service's task definition remains and the newest event says it is steady.</summary>
    public static bool IsSteady(Service service) =>
        service.Deployments is [{ RolloutState: RolloutState.Completed } only] && only.TaskDefinitionArn == service.TaskDefinitionArn
        && service.Events.Length > 0 && service.Events[0].Message == $"(service {service.Name}) has reached a steady state.";

    /// <summary>The event messages, newest first.</summary>
    public static IReadOnlyList<string> Messages(this JsonElement service) =>
        [.. service.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!)];

    public static int Int(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
