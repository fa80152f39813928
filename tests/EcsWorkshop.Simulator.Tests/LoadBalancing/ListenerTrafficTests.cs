using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Runtime;
using EcsWorkshop.Simulator.Tests.Elbv2;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.LoadBalancing;

/// <summary>
/// Real HTTP through a listener of the simulated ALB (simulated runtime: the listener answers each healthy target's
/// stand-in page), made with the real AWS CLI and read with a real HTTP client on 127.0.0.1.
/// </summary>
public sealed partial class ListenerTrafficTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [GeneratedRegex("<dd id=\"task\">([0-9a-f]+)</dd>.*<dd id=\"app-version\">([^<]*)</dd>", RegexOptions.Singleline)]
    private static partial Regex StandIn();

    private async Task<(string TargetGroup, Uri Listener)> PrepareAsync(string name, int port, int desiredCount = 2)
    {
        (await Cli.RunAsync("ecs", "create-cluster", "--cluster-name", name)).Succeeded();
        ServiceTestTaskDefinitions.PutFargate(simulator.Server.Engine, new Ecs.Domain.EcsArns(SimulatedWorld.Region, SimulatedAccount.Id), name, ("APP_VERSION", "v1"));
        var group = (await Cli.CreateTargetGroupAsync(name + "-tg")).Arn("TargetGroupArn");
        (await Cli.RunAsync("elbv2", "modify-target-group-attributes", "--target-group-arn", group,
            "--attributes", "Key=deregistration_delay.timeout_seconds,Value=20")).Succeeded();
        var loadBalancer = await Cli.CreateLoadBalancerAsync(name + "-lb");
        var listenerArn = await Cli.CreateListenerAsync(loadBalancer.Arn("LoadBalancerArn"), group, port);
        (await Cli.RunAsync("ecs", "create-service", "--cluster", name, "--service-name", "web", "--task-definition", name,
            "--desired-count", desiredCount.ToString(), "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{Subnet}],securityGroups=[{SecurityGroup}],assignPublicIp=ENABLED}}",
            "--load-balancers", $"targetGroupArn={group},containerName=web,containerPort=80")).Succeeded();
        return (group, await ListenerUrlAsync(listenerArn));
    }

    private async Task<Uri> ListenerUrlAsync(string listenerArn)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var list = await Http.GetFromJsonAsync<List<JsonElement>>(new Uri(simulator.Server.Endpoint, RuntimeHosting.EndpointsPath)) ?? [];
            var found = list.FirstOrDefault(e => e.TryGetProperty("listenerArn", out var arn) && arn.GetString() == listenerArn);
            if (found.ValueKind == JsonValueKind.Object) return new Uri(found.Str("url"));
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"{listenerArn} is not listed at {RuntimeHosting.EndpointsPath}");
    }

    private static async Task<(HttpStatusCode Status, string? Task, string? Version)> GetAsync(Uri listener)
    {
        using var response = await Http.GetAsync(listener);
        var body = await response.Content.ReadAsStringAsync();
        var match = StandIn().Match(body);
        return (response.StatusCode, match.Success ? match.Groups[1].Value : null, match.Success ? match.Groups[2].Value : null);
    }

    private static async Task<HashSet<string>> WaitForTasksAsync(Uri listener, int count)
    {
        var seen = new HashSet<string>();
        for (var attempt = 0; attempt < 200 && seen.Count < count; attempt++)
        {
            var (status, task, _) = await GetAsync(listener);
            if (status == HttpStatusCode.OK && task is not null) seen.Add(task);
            else await Task.Delay(100);
        }
        return seen;
    }

    [Fact]
    public async Task A_listener_with_no_registered_target_answers_503()
    {
        var group = (await Cli.CreateTargetGroupAsync("empty-traffic-tg")).Arn("TargetGroupArn");
        var loadBalancer = await Cli.CreateLoadBalancerAsync("empty-traffic-lb");
        var listener = await ListenerUrlAsync(await Cli.CreateListenerAsync(loadBalancer.Arn("LoadBalancerArn"), group, 8091));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync(listener)).Status);
    }

    [Fact]
    public async Task A_service_of_two_tasks_behind_a_listener_answers_from_both_tasks()
    {
        var (_, listener) = await PrepareAsync("traffic-two", 8092);

        var seen = await WaitForTasksAsync(listener, 2);

        var tasks = simulator.Server.Engine.World.Tasks.Values.Where(t => t.IsAlive && t.Group == "service:web" && t.ClusterArn.EndsWith("/traffic-two")).Select(t => t.Id);
        Assert.Equal(tasks.Order(), seen.Order());
        using var response = await Http.GetAsync(listener);
        Assert.True(response.Headers.Contains("X-Workshop-Stand-In"));
        Assert.Equal("127.0.0.1", listener.Host);
    }

    [Fact]
    public async Task A_rolling_update_behind_the_listener_switches_from_v1_to_v2_with_no_failed_request()
    {
        var (_, listener) = await PrepareAsync("traffic-roll", 8093);
        Assert.Equal(2, (await WaitForTasksAsync(listener, 2)).Count);
        var v2 = ServiceTestTaskDefinitions.PutFargate(simulator.Server.Engine, new Ecs.Domain.EcsArns(SimulatedWorld.Region, SimulatedAccount.Id), "traffic-roll", ("APP_VERSION", "v2"));
        // The listener answers v1 before the update: asked first, not raced against v2's start on a busy machine.
        var before = (await GetAsync(listener)).Version;

        (await Cli.RunAsync("ecs", "update-service", "--cluster", "traffic-roll", "--service", "web", "--task-definition", v2.FamilyRevision)).Succeeded();
        var answers = new List<string>();
        var failures = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var (status, _, version) = await GetAsync(listener);
            if (status != HttpStatusCode.OK || version is null) failures.Add($"{(int)status} after {answers.Count} answers");
            else answers.Add(version);
            if (answers.Count > 20 && answers.TakeLast(20).All(v => v == "v2")) break;
            await Task.Delay(20);
        }

        Assert.Empty(failures);
        Assert.Equal("v1", before);
        Assert.Equal("v2", answers[^1]);
        Assert.True(answers.TakeLast(20).All(v => v == "v2"), "the answers did not settle on v2");
    }
}
