using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.Services;

public sealed class ListAndDescribeServicesTests : IDisposable
{
    private readonly SimulatedWorld _world = new();
    private readonly Ecs.Domain.TaskDefinitions.TaskDefinition _definition;

    public ListAndDescribeServicesTests() => _definition = Prepare(_world);

    [Fact]
    public void Listing_services_pages_by_ten_by_default()
    {
        for (var i = 0; i < 12; i++) _world.Ecs("CreateService", FargateService($"svc{i:00}", _definition, desiredCount: 0));

        var first = _world.Ecs("ListServices", new { cluster = "workshop" });
        var second = _world.Ecs("ListServices", new { cluster = "workshop", nextToken = first.Str("nextToken") });

        Assert.Equal(10, first.GetProperty("serviceArns").GetArrayLength());
        Assert.Equal(2, second.GetProperty("serviceArns").GetArrayLength());
        Assert.False(second.TryGetProperty("nextToken", out _));
        var all = first.GetProperty("serviceArns").EnumerateArray().Concat(second.GetProperty("serviceArns").EnumerateArray()).Select(a => a.GetString()).ToList();
        Assert.Equal(12, all.Distinct().Count());
        Assert.Contains("arn:aws:ecs:ap-northeast-1:123456789012:service/workshop/svc00", all);
    }

    [Fact]
    public void Listing_filters_by_launch_type_and_scheduling_strategy()
    {
        _world.Ecs("CreateService", FargateService("web", _definition));
        var legacy = ServiceTestTaskDefinitions.PutEc2Bridge(_world.Engine, _world.Arns);
        _world.Ecs("CreateService", new { cluster = "workshop", serviceName = "agent", taskDefinition = legacy.FamilyRevision, launchType = "EC2", schedulingStrategy = "DAEMON" });

        string[] List(object request) =>
            [.. _world.Ecs("ListServices", request).GetProperty("serviceArns").EnumerateArray().Select(a => EcsArnName(a.GetString()!))];

        Assert.Equal(["web"], List(new { cluster = "workshop", launchType = "FARGATE" }));
        Assert.Equal(["agent"], List(new { cluster = "workshop", launchType = "EC2" }));
        Assert.Equal(["agent"], List(new { cluster = "workshop", schedulingStrategy = "DAEMON" }));
        Assert.Equal(["web"], List(new { cluster = "workshop", schedulingStrategy = "REPLICA" }));
        Assert.Equal("InvalidParameterException", _world.EcsFails("ListServices", new { cluster = "workshop", schedulingStrategy = "BOTH" }).Code);
    }

    [Fact]
    public void Listing_services_of_an_unknown_cluster_is_ClusterNotFoundException() =>
        Assert.Equal("ClusterNotFoundException", _world.EcsFails("ListServices", new { cluster = "nowhere" }).Code);

    [Fact]
    public void Describing_reports_unknown_services_as_missing()
    {
        _world.Ecs("CreateService", FargateService("web", _definition));

        var response = _world.Ecs("DescribeServices", new { cluster = "workshop", services = new[] { "web", "ghost" } });

        Assert.Equal("web", Assert.Single(response.GetProperty("services").EnumerateArray()).Str("serviceName"));
        var failure = Assert.Single(response.GetProperty("failures").EnumerateArray());
        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:service/workshop/ghost", failure.Str("arn"));
        Assert.Equal("MISSING", failure.Str("reason"));
    }

    [Fact]
    public void Services_are_found_by_name_long_ARN_and_legacy_ARN()
    {
        _world.Ecs("CreateService", FargateService("web", _definition));

        var response = _world.Ecs("DescribeServices", new
        {
            cluster = "workshop",
            services = new[]
            {
                "web",
                "arn:aws:ecs:ap-northeast-1:123456789012:service/workshop/web",
                "arn:aws:ecs:ap-northeast-1:123456789012:service/web",
            },
        });

        Assert.Equal(3, response.GetProperty("services").GetArrayLength());
        Assert.Empty(response.GetProperty("failures").EnumerateArray());
    }

    [Fact]
    public void A_service_of_another_cluster_is_missing_in_this_one()
    {
        _world.Ecs("CreateService", FargateService("web", _definition));
        _world.Ecs("CreateCluster", new { clusterName = "other" });

        var response = _world.Ecs("DescribeServices", new { cluster = "other", services = new[] { "arn:aws:ecs:ap-northeast-1:123456789012:service/workshop/web" } });

        Assert.Empty(response.GetProperty("services").EnumerateArray());
        Assert.Single(response.GetProperty("failures").EnumerateArray());
    }

    [Fact]
    public void Tags_are_described_only_when_included()
    {
        var request = FargateService("web", _definition);
        request["tags"] = new[] { new { key = "team", value = "platform" } };
        _world.Ecs("CreateService", request);

        var without = _world.Ecs("DescribeServices", new { cluster = "workshop", services = new[] { "web" } }).GetProperty("services")[0];
        var with = _world.Ecs("DescribeServices", new { cluster = "workshop", services = new[] { "web" }, include = new[] { "TAGS" } }).GetProperty("services")[0];

        Assert.False(without.TryGetProperty("tags", out _));
        Assert.Equal("team", with.GetProperty("tags")[0].Str("key"));
    }

    [Fact]
    public void At_most_ten_services_are_described_at_once()
    {
        var error = _world.EcsFails("DescribeServices", new { cluster = "workshop", services = Enumerable.Range(0, 11).Select(i => $"s{i}").ToArray() });

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public void Describing_needs_at_least_one_service_and_a_known_cluster()
    {
        Assert.Equal("InvalidParameterException", _world.EcsFails("DescribeServices", new { cluster = "workshop" }).Code);
        Assert.Equal("ClusterNotFoundException", _world.EcsFails("DescribeServices", new { cluster = "nowhere", services = new[] { "web" } }).Code);
    }

    [Fact]
    public void Running_and_pending_counts_come_from_the_tasks()
    {
        _world.Ecs("CreateService", FargateService("web", _definition, desiredCount: 2));
        _world.Advance(TimeSpan.FromSeconds(1));

        var starting = _world.Describe("web");
        Assert.Equal(2, starting.Int("pendingCount"));
        Assert.Equal(0, starting.Int("runningCount"));
        Assert.Equal(2, starting.GetProperty("deployments")[0].Int("pendingCount"));

        _world.AdvanceUntilSteady("web");
        var steady = _world.Describe("web");
        Assert.Equal(0, steady.Int("pendingCount"));
        Assert.Equal(2, steady.Int("runningCount"));
        Assert.Equal(2, steady.GetProperty("deployments")[0].Int("runningCount"));
    }

    private static string EcsArnName(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    public void Dispose() => _world.Dispose();
}
