using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.CapacityProviders;

/// <summary>
/// Where a service's tasks land for a base/weight strategy. The expected splits are worked out here from the
/// documented rules — the base first, then the rest in the ratio of the weights — and, where the ratio does not
/// divide evenly, from the rounding rule docs/simulator.md states (each provider's exact share rounded to the
/// nearest task, a half going to the provider listed first).
/// </summary>
public sealed class CapacityProviderPlacementTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    /// <summary>One strategy entry: provider, weight, base.</summary>
    public sealed record Item(string Provider, int Weight, int Base = 0);

    /// <summary>The split the documented rules give for <paramref name="tasks"/> tasks (two providers at most, as Fargate has).</summary>
    private static Dictionary<string, int> Expected(IReadOnlyList<Item> strategy, int tasks)
    {
        var counts = strategy.ToDictionary(i => i.Provider, _ => 0);
        var left = tasks;
        foreach (var item in strategy)
        {
            var fromBase = Math.Min(item.Base, left);
            counts[item.Provider] += fromBase;
            left -= fromBase;
        }
        var weighted = strategy.Where(i => i.Weight > 0).ToList();
        var total = weighted.Sum(i => i.Weight);
        if (weighted.Count == 1)
        {
            counts[weighted[0].Provider] += left;
            return counts;
        }
        // share of the first = left × w1 / total, rounded to nearest, .5 up; the second gets the rest.
        var first = (2 * left * weighted[0].Weight + total) / (2 * total);
        counts[weighted[0].Provider] += first;
        counts[weighted[1].Provider] += left - first;
        return counts;
    }

    public static TheoryData<Item[]> Strategies => new()
    {
        { [new("FARGATE", 1, Base: 2), new("FARGATE_SPOT", 3)] },
        { [new("FARGATE", 1), new("FARGATE_SPOT", 4)] },
        { [new("FARGATE", 1), new("FARGATE_SPOT", 1)] },
        { [new("FARGATE", 0, Base: 1), new("FARGATE_SPOT", 3)] },
        { [new("FARGATE_SPOT", 2), new("FARGATE", 1, Base: 3)] },
        { [new("FARGATE", 3), new("FARGATE_SPOT", 7)] },
        { [new("FARGATE_SPOT", 1), new("FARGATE", 2)] },
        { [new("FARGATE_SPOT", 5)] },
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Twenty_tasks_of_a_service_land_on_the_base_first_then_in_the_ratio_of_the_weights(Item[] strategy)
    {
        CreateService(strategy, desiredCount: 20);

        _world.AdvanceUntil(_ => _world.TasksOf("web").Count(t => t.LastStatus == EcsTaskStatus.Running) == 20, Patience);

        Assert.Equal(Expected(strategy, 20), CountsByProvider(strategy));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Scaling_out_one_task_at_a_time_keeps_the_same_split_at_every_count(Item[] strategy)
    {
        CreateService(strategy, desiredCount: 1);
        for (var desired = 1; desired <= 20; desired++)
        {
            _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", desiredCount = desired });
            _world.AdvanceUntil(_ => _world.TasksOf("web").Count(t => t.DesiredStatus == EcsTaskStatus.Running) == desired, Patience);

            Assert.Equal(Expected(strategy, desired), CountsByProvider(strategy));
        }
    }

    [Fact]
    public void The_workshop_example_puts_the_base_of_two_on_demand_and_splits_the_other_eight_one_to_three()
    {
        // ec2spotworkshops.com (scaling-facts.md §2.3): base=2 and weight=1 on on-demand, weight=3 on Spot.
        CreateService([new("FARGATE", 1, Base: 2), new("FARGATE_SPOT", 3)], desiredCount: 10);

        _world.AdvanceUntil(_ => _world.TasksOf("web").Count(t => t.LastStatus == EcsTaskStatus.Running) == 10, Patience);

        var counts = CountsByProvider([new("FARGATE", 1), new("FARGATE_SPOT", 3)]);
        Assert.Equal(4, counts["FARGATE"]);
        Assert.Equal(6, counts["FARGATE_SPOT"]);
    }

    [Fact]
    public void A_stopped_spot_task_is_replaced_on_spot_again()
    {
        Item[] strategy = [new("FARGATE", 0, Base: 1), new("FARGATE_SPOT", 3)];
        CreateService(strategy, desiredCount: 4);
        _world.AdvanceUntilSteady("web");
        var spot = _world.TasksOf("web").First(t => t.CapacityProviderName == "FARGATE_SPOT");

        _world.Ecs("StopTask", new { cluster = "workshop", task = spot.Arn });
        _world.AdvanceUntil(_ => _world.TasksOf("web").Count(t => t.LastStatus == EcsTaskStatus.Running && t.Arn != spot.Arn) == 4, Patience);

        var replacement = Assert.Single(_world.TasksOf("web"), t => t.CreatedAt > spot.CreatedAt && t.DesiredStatus == EcsTaskStatus.Running);
        Assert.Equal("FARGATE_SPOT", replacement.CapacityProviderName);
        Assert.Equal(Expected(strategy, 4), CountsByProvider(strategy));
    }

    private void CreateService(IReadOnlyList<Item> strategy, int desiredCount)
    {
        _world.Ecs("CreateCluster", new { clusterName = "workshop", capacityProviders = new[] { "FARGATE", "FARGATE_SPOT" } });
        var definition = ServiceTestTaskDefinitions.PutFargate(_world.Engine, _world.Arns, "web");
        var request = FargateService("web", definition, desiredCount);
        request.Remove("launchType");
        request["capacityProviderStrategy"] = strategy.Select(i => new { capacityProvider = i.Provider, weight = i.Weight, @base = i.Base }).ToArray();
        _world.Ecs("CreateService", request);
    }

    /// <summary>How many of the service's tasks meant to run each provider holds (every provider of the strategy listed).</summary>
    private Dictionary<string, int> CountsByProvider(IReadOnlyList<Item> strategy)
    {
        var counts = strategy.ToDictionary(i => i.Provider, _ => 0);
        foreach (var task in _world.TasksOf("web").Where(t => t.DesiredStatus == EcsTaskStatus.Running))
            counts[task.CapacityProviderName ?? "(none)"] = counts.GetValueOrDefault(task.CapacityProviderName ?? "(none)") + 1;
        return counts;
    }

    public void Dispose() => _world.Dispose();
}
