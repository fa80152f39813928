using System.Text.Json;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>Shortcuts task tests share: a cluster with a Fargate task definition, running and describing tasks.</summary>
public static class TaskTestSupport
{
    public const string Cluster = "workshop";
    public const string Subnet = "subnet-abcd1234";
    public const string SecurityGroup = "sg-abcd1234";

    /// <summary>The awsvpc configuration every Fargate RunTask in the tests uses.</summary>
    public static object Network { get; } = new
    {
        awsvpcConfiguration = new { subnets = new[] { Subnet }, securityGroups = new[] { SecurityGroup }, assignPublicIp = "ENABLED" },
    };

    /// <summary>Creates the test cluster and a Fargate task definition with the given containers.</summary>
    public static TaskDefinition WithFargateFamily(this SimulatedWorld world, string family = "web", params ContainerDefinition[] containers)
    {
        world.Ecs("CreateCluster", new { clusterName = Cluster });
        return TestTaskDefinitions.PutFargate(world.Engine, world.Arns, family, containers);
    }

    /// <summary>Runs one Fargate task of <paramref name="family"/> in the test cluster and returns its ARN.</summary>
    public static string RunFargateTask(this SimulatedWorld world, string family = "web", object? overrides = null) =>
        world.Ecs("RunTask", new
        {
            cluster = Cluster,
            taskDefinition = family,
            launchType = "FARGATE",
            networkConfiguration = Network,
            overrides,
        }).GetProperty("tasks")[0].GetProperty("taskArn").GetString()!;

    /// <summary>The task as DescribeTasks shows it (tags included).</summary>
    public static JsonElement DescribeTask(this SimulatedWorld world, string taskArn)
    {
        var response = world.Ecs("DescribeTasks", new { cluster = Cluster, tasks = new[] { taskArn }, include = new[] { "TAGS" } });
        Assert.Empty(response.GetProperty("failures").EnumerateArray());
        return response.GetProperty("tasks")[0];
    }

    /// <summary>A task's lastStatus right now.</summary>
    public static string LastStatus(this SimulatedWorld world, string taskArn) =>
        world.DescribeTask(taskArn).GetProperty("lastStatus").GetString()!;

    /// <summary>
    /// Ticks the clock second by second for <paramref name="duration"/> and records each lastStatus the task
    /// shows, with the simulated time it was first seen (the starting status included).
    /// </summary>
    public static List<(string Status, DateTimeOffset SeenAt)> WatchStatuses(this SimulatedWorld world, string taskArn, TimeSpan duration, TimeSpan? tick = null)
    {
        var seen = new List<(string, DateTimeOffset)> { (world.LastStatus(taskArn), world.Clock.GetUtcNow()) };
        var step = tick ?? TimeSpan.FromSeconds(1);
        for (var waited = TimeSpan.Zero; waited < duration; waited += step)
        {
            world.Advance(step, step);
            var status = world.Engine.World.Tasks.ContainsKey(taskArn) ? world.LastStatus(taskArn) : "(gone)";
            if (status != seen[^1].Item1) seen.Add((status, world.Clock.GetUtcNow()));
        }
        return seen;
    }

    /// <summary>A timestamp member of a wire object (epoch seconds), or null when absent.</summary>
    public static DateTimeOffset? Time(this JsonElement element, string member) =>
        element.TryGetProperty(member, out var value)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(value.GetDouble() * 1000))
            : null;

    /// <summary>A string member, or null when absent.</summary>
    public static string? Text(this JsonElement element, string member) =>
        element.TryGetProperty(member, out var value) ? value.GetString() : null;
}
