using System.Text.Json;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.AutoScaling;

/// <summary>A Fargate service <c>web</c> in cluster <c>workshop</c> made scalable, its policies, its load, and what it did over time.</summary>
internal static class AutoScalingTestSupport
{
    public const string ResourceId = "service/workshop/web";

    /// <summary>The service's running count and desired count at one moment of the simulated clock.</summary>
    public sealed record Sample(TimeSpan At, int Desired, int Running);

    /// <summary>Creates the service with <paramref name="desiredCount"/> tasks, waits until steady, registers it as a target.</summary>
    public static void PrepareScalableService(this SimulatedWorld world, int desiredCount = 1, int min = 1, int max = 6)
    {
        var definition = Prepare(world);
        world.Ecs("CreateService", FargateService("web", definition, desiredCount));
        world.AdvanceUntilSteady("web");
        world.Register(min, max);
    }

    public static JsonElement Register(this SimulatedWorld world, int? min, int? max, string resourceId = ResourceId) =>
        world.AutoScaling("RegisterScalableTarget", new
        {
            ServiceNamespace = "ecs",
            ResourceId = resourceId,
            ScalableDimension = "ecs:service:DesiredCount",
            MinCapacity = min,
            MaxCapacity = max,
        });

    /// <summary>Puts a target tracking policy on the service (cooldowns and DisableScaleIn left out unless given).</summary>
    public static JsonElement PutPolicy(this SimulatedWorld world, string name = "cpu50", double target = 50, string metric = "ECSServiceAverageCPUUtilization",
        int? scaleInCooldown = null, int? scaleOutCooldown = null, bool? disableScaleIn = null) =>
        world.AutoScaling("PutScalingPolicy", new
        {
            PolicyName = name,
            ServiceNamespace = "ecs",
            ResourceId = ResourceId,
            ScalableDimension = "ecs:service:DesiredCount",
            PolicyType = "TargetTrackingScaling",
            TargetTrackingScalingPolicyConfiguration = new
            {
                TargetValue = target,
                PredefinedMetricSpecification = new { PredefinedMetricType = metric },
                ScaleInCooldown = scaleInCooldown,
                ScaleOutCooldown = scaleOutCooldown,
                DisableScaleIn = disableScaleIn,
            },
        });

    /// <summary>The workshop load control: the service's running tasks show <paramref name="cpuPercent"/> from now on.</summary>
    public static void SetLoad(this SimulatedWorld world, double? cpuPercent, double? memoryPercent = null) =>
        world.AutoScalingEngine.Mutate(tx => ServiceLoadCommands.Set(tx, world.Engine.World,
            new SetServiceLoadCommand(SimulatedWorld.Region, "workshop", "web", cpuPercent, memoryPercent)));

    public static int Desired(this SimulatedWorld world) => world.Service("web").DesiredCount;

    public static int Running(this SimulatedWorld world) => ServiceCounts.Of(world.Engine.World, world.Service("web")).Total.Running;

    /// <summary>Runs the clock for <paramref name="duration"/> in one-second ticks, sampling the service after each tick.</summary>
    public static List<Sample> Watch(this SimulatedWorld world, TimeSpan duration, List<Sample>? into = null)
    {
        var samples = into ?? [];
        var start = samples.Count == 0 ? TimeSpan.Zero : samples[^1].At;
        for (var t = TimeSpan.FromSeconds(1); t <= duration; t += TimeSpan.FromSeconds(1))
        {
            world.Advance(TimeSpan.FromSeconds(1));
            samples.Add(new Sample(start + t, world.Desired(), world.Running()));
        }
        return samples;
    }

    /// <summary>
    /// Every change of the desired count: when, from, to, and the running count the change was decided on (a tick moves
    /// the tasks first, then target tracking, so it is the running count sampled in the same tick).
    /// </summary>
    public static List<(TimeSpan At, int From, int To, int Running)> Changes(this IReadOnlyList<Sample> samples)
    {
        var changes = new List<(TimeSpan, int, int, int)>();
        for (var i = 1; i < samples.Count; i++)
            if (samples[i].Desired != samples[i - 1].Desired)
                changes.Add((samples[i].At, samples[i - 1].Desired, samples[i].Desired, samples[i].Running));
        return changes;
    }

    /// <summary>The activities, newest first.</summary>
    public static List<JsonElement> Activities(this SimulatedWorld world, bool includeNotScaled = false) =>
    [
        .. world.AutoScaling("DescribeScalingActivities", new { ServiceNamespace = "ecs", ResourceId, IncludeNotScaledActivities = includeNotScaled })
            .GetProperty("ScalingActivities").EnumerateArray(),
    ];
}
