using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Elbv2.Domain;
using EcsWorkshop.Simulator.Integration.StandIns;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Support.ServiceTestSupport;

namespace EcsWorkshop.Simulator.Tests.LoadBalancing;

/// <summary>
/// On the simulated runtime (a fake clock), a target answers its health check as the sample app's container would:
/// BusyBox httpd serving the image's files, read from the simulator's own registry. The root path passes; a path the
/// image lacks, or a revision whose httpd serves another folder, fails with 404, and ECS replaces the task with
/// "Task failed ELB health checks", the circuit breaker counting it.
/// </summary>
public sealed class SimulatedHealthCheckPathTests : IDisposable
{
    private static readonly TimeSpan LongPatience = TimeSpan.FromMinutes(30);

    private readonly SimulatedWorld _world = SimulatedWorld.WithEcrAndLogs();
    private readonly string _image;

    public SimulatedHealthCheckPathTests()
    {
        _image = SampleWebImage.Push(_world);
        _world.Ecs("CreateCluster", new { clusterName = "workshop" });
    }

    public void Dispose() => _world.Dispose();

    private string Register(params string[] command)
    {
        object container = command.Length == 0
            ? new { name = "web", image = _image, essential = true, portMappings = new[] { new { containerPort = 80 } } }
            : new { name = "web", image = _image, essential = true, portMappings = new[] { new { containerPort = 80 } }, command };
        var registered = _world.Ecs("RegisterTaskDefinition", new
        {
            family = "web", requiresCompatibilities = new[] { "FARGATE" }, networkMode = "awsvpc", cpu = "256", memory = "512",
            containerDefinitions = new[] { container },
        }).GetProperty("taskDefinition");
        return $"web:{registered.Int("revision")}";
    }

    private string CreateService(string taskDefinition, string? healthCheckPath = null, bool circuitBreaker = false)
    {
        var targetGroup = _world.CreateTargetGroup();
        if (healthCheckPath is not null)
            _world.Elbv2.Mutate(t => TargetGroupCommands.Modify(t, targetGroup, new HealthCheckInput(null, null, healthCheckPath, null, null, null, null, null, null)));
        var request = new Dictionary<string, object?>
        {
            ["cluster"] = "workshop", ["serviceName"] = "web", ["taskDefinition"] = taskDefinition, ["desiredCount"] = 1,
            ["launchType"] = "FARGATE", ["networkConfiguration"] = Network(),
            ["loadBalancers"] = new[] { new { targetGroupArn = targetGroup, containerName = "web", containerPort = 80 } },
        };
        if (circuitBreaker) request["deploymentConfiguration"] = new { deploymentCircuitBreaker = new { enable = true, rollback = false } };
        _world.Ecs("CreateService", request);
        return targetGroup;
    }

    [Fact]
    public void The_sample_app_answers_the_root_path_so_its_target_turns_healthy_and_the_service_steady()
    {
        var targetGroup = CreateService(Register());

        _world.AdvanceUntilSteady("web");

        Assert.Equal("healthy", _world.TargetHealth(targetGroup).Single().Health.State);
    }

    [Fact]
    public void A_health_check_path_the_image_lacks_is_a_404_and_ECS_replaces_the_task_for_failing_ELB_health_checks()
    {
        var targetGroup = CreateService(Register(), healthCheckPath: "/health");
        var first = default(EcsTask);

        _world.AdvanceUntil(w =>
        {
            first ??= _world.TasksOf("web").FirstOrDefault();
            return first is not null && w.Tasks[first.Arn].LastStatus == EcsTaskStatus.Stopped;
        }, LongPatience);

        var stopped = _world.Engine.World.Tasks[first!.Arn];
        Assert.Equal($"Task failed ELB health checks in (target-group {targetGroup})", stopped.StoppedReason);
        Assert.Contains(_world.Describe("web").Messages(), m =>
            m == $"(service web) (port 80) is unhealthy in (target-group {targetGroup}) due to (reason Health checks failed with these codes: [404]).");
    }

    /// <summary>
    /// Watches the service's first target from registration until ECS deregisters it: the states it showed, how long
    /// after registration it went, and the event ECS wrote about it.
    /// </summary>
    private (List<string> States, TimeSpan Lasted, string Event) WatchFirstTarget(string targetGroup)
    {
        var states = new List<string>();
        DateTimeOffset? registered = null;
        var lasted = TimeSpan.Zero;
        _world.AdvanceUntil(_ =>
        {
            var health = _world.TargetHealth(targetGroup);
            if (health.Count == 0) return false;
            registered ??= _world.Clock.GetUtcNow();
            if (health[0].Health.State == "draining")
            {
                lasted = _world.Clock.GetUtcNow() - registered.Value;
                return true;
            }
            states.Add(health[0].Health.State);
            return false;
        }, LongPatience);
        return (states, lasted, _world.Describe("web").Messages().First(m => m.Contains(" is unhealthy in ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_failing_target_stays_initial_until_the_unhealthy_threshold_of_checks_has_failed()
    {
        var targetGroup = CreateService(Register(), healthCheckPath: "/missing.html");

        var (states, lasted, unhealthy) = WatchFirstTarget(targetGroup);

        Assert.Equal(["initial"], states.Distinct());
        // Registration (10 s), then two failed checks 30 s apart (the default unhealthy threshold and interval).
        Assert.InRange(lasted, TimeSpan.FromSeconds(70), TimeSpan.FromSeconds(72));
        Assert.EndsWith("due to (reason Health checks failed with these codes: [404]).", unhealthy);
    }

    [Fact]
    public void Revision_3_serving_another_folder_never_goes_into_service_and_the_circuit_breaker_fails_the_deployment()
    {
        var targetGroup = CreateService(Register(), circuitBreaker: true);
        _world.AdvanceUntilSteady("web");
        var v1 = _world.TasksOf("web").Single();
        Register("sh", "-c", "echo revision 2; exec httpd -f -p 80 -h /www");
        var broken = Register("httpd", "-f", "-p", "80", "-h", "/www/cgi-bin");

        _world.Ecs("UpdateService", new { cluster = "workshop", service = "web", taskDefinition = broken });
        _world.AdvanceUntil(_ => _world.Service("web").Deployments.Any(d => d.RolloutState == RolloutState.Failed), LongPatience);

        var service = _world.Describe("web");
        Assert.True(service.GetProperty("deployments").EnumerateArray().Single(d => d.Str("taskDefinition").EndsWith(":3")).Int("failedTasks") >= 3);
        Assert.Contains(_world.TasksOf("web"), t => t.TaskDefinitionArn.EndsWith(":3") && t.StoppedReason == $"Task failed ELB health checks in (target-group {targetGroup})");
        Assert.Equal(EcsTaskStatus.Running, _world.Engine.World.Tasks[v1.Arn].LastStatus);
        Assert.Equal("healthy", _world.TargetHealth(targetGroup).Single(t => t.Id == v1.NetworkInterface!.PrivateIpv4Address).Health.State);
    }

    [Fact]
    public void A_revision_whose_httpd_listens_on_another_port_fails_its_checks_as_a_refused_connection()
    {
        var targetGroup = CreateService(Register("httpd", "-f", "-p", "8080", "-h", "/www"));

        var (states, _, unhealthy) = WatchFirstTarget(targetGroup);

        Assert.DoesNotContain("healthy", states);
        Assert.EndsWith("due to (reason Health checks failed).", unhealthy);
    }

    [Fact]
    public void Httpd_of_the_sample_answers_as_busybox_does_from_the_image_files()
    {
        var digest = _world.Ecr("DescribeImages", new { repositoryName = "sample-web" }).GetProperty("imageDetails")[0].Str("imageDigest");
        var image = new ImageFileTrees(_world.EcrEngine!.Blobs).Of(digest)!;
        var server = BusyboxHttpd.Of(SimulatedTaskServers.CommandLine([], [], image), image)!;

        Assert.Equal(new BusyboxHttpd(80, "/www"), server);
        Assert.Equal(
            [200, 200, 200, 302, 404, 404],
            new[] { "/", "/?from=alb", "/cgi-bin/index.cgi", "/cgi-bin", "/health", "/index.html" }.Select(p => server.Answer(image, p)));
    }
}
