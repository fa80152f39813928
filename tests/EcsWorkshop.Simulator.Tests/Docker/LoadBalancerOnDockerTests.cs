using System.Net.Http.Json;
using System.Text.Json;
using EcsWorkshop.Simulator.Runtime;
using EcsWorkshop.Simulator.Tests.Elbv2;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>
/// A service's real containers behind a listener of the simulated ALB: the targets are the tasks' published loopback
/// ports, the health checks are real HTTP requests, and the listener forwards to both tasks.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class LoadBalancerOnDockerTests : IAsyncLifetime
{
    private readonly DockerSimulator _simulator = new();

    [Fact]
    public async Task A_service_of_two_containers_behind_a_listener_answers_from_both_with_forwarded_headers()
    {
        var cli = _simulator.Cli;
        await _simulator.RegisterAsync("web", WebWithEnvironmentPage);
        var group = (await cli.CreateTargetGroupAsync("docker-tg")).Arn("TargetGroupArn");
        var loadBalancer = await cli.CreateLoadBalancerAsync("docker-lb");
        var listenerArn = await cli.CreateListenerAsync(loadBalancer.Arn("LoadBalancerArn"), group, 8094);
        (await cli.RunAsync("elbv2", "modify-target-group", "--target-group-arn", group,
            "--health-check-interval-seconds", "5", "--health-check-timeout-seconds", "2", "--healthy-threshold-count", "2")).Succeeded();
        (await cli.RunAsync("ecs", "create-service", "--cluster", DockerSimulator.Cluster, "--service-name", "web", "--task-definition", "web",
            "--desired-count", "2", "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}",
            "--load-balancers", $"targetGroupArn={group},containerName=web,containerPort=8080")).Succeeded();

        await _simulator.WaitUntilAsync(() =>
            Simulator.Elbv2.Domain.TargetCommands.DescribeHealth(_simulator.Server.Elbv2.World, _simulator.Server.Elbv2.Time.GetUtcNow(), _simulator.Server.Elbv2.Context, group, null)
                is { Count: 2 } targets && targets.All(t => t.Health.State == "healthy"), "two healthy targets");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var endpoints = await http.GetFromJsonAsync<List<JsonElement>>(new Uri(_simulator.Server.Endpoint, RuntimeHosting.EndpointsPath)) ?? [];
        var listener = new Uri(endpoints.Single(e => e.TryGetProperty("listenerArn", out var arn) && arn.GetString() == listenerArn).GetProperty("url").GetString()!);
        var answers = new HashSet<string>();
        for (var i = 0; i < 10; i++) answers.Add((await http.GetStringAsync(listener)).Trim());

        Assert.Equal("127.0.0.1", listener.Host);
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a => Assert.StartsWith("hello from ", a));
        var environment = await http.GetStringAsync(new Uri(listener, "/cgi-bin/env"));
        Assert.Contains("HTTP_X_FORWARDED_FOR=127.0.0.1", environment);
        Assert.Contains("HTTP_X_FORWARDED_PROTO=http", environment);
        Assert.Contains($"HTTP_X_FORWARDED_PORT={listener.Port}", environment);
    }

    [Fact]
    public async Task A_rolling_update_of_real_containers_behind_the_listener_switches_from_v1_to_v2_with_no_failed_request()
    {
        var cli = _simulator.Cli;
        await _simulator.RegisterAsync("web", DockerContainers.Web("v1"));
        var group = (await cli.CreateTargetGroupAsync("roll-tg")).Arn("TargetGroupArn");
        var loadBalancer = await cli.CreateLoadBalancerAsync("roll-lb");
        var listenerArn = await cli.CreateListenerAsync(loadBalancer.Arn("LoadBalancerArn"), group, 8095);
        (await cli.RunAsync("elbv2", "modify-target-group", "--target-group-arn", group,
            "--health-check-interval-seconds", "5", "--health-check-timeout-seconds", "2", "--healthy-threshold-count", "2")).Succeeded();
        (await cli.RunAsync("elbv2", "modify-target-group-attributes", "--target-group-arn", group,
            "--attributes", "Key=deregistration_delay.timeout_seconds,Value=20")).Succeeded();
        (await cli.RunAsync("ecs", "create-service", "--cluster", DockerSimulator.Cluster, "--service-name", "web", "--task-definition", "web",
            "--desired-count", "2", "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{TaskTestSupport.Subnet}]}}",
            "--load-balancers", $"targetGroupArn={group},containerName=web,containerPort=8080")).Succeeded();
        await _simulator.WaitUntilAsync(() => HealthyTargets(group) == 2, "two healthy targets");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var endpoints = await http.GetFromJsonAsync<List<JsonElement>>(new Uri(_simulator.Server.Endpoint, RuntimeHosting.EndpointsPath)) ?? [];
        var listener = new Uri(endpoints.Single(e => e.TryGetProperty("listenerArn", out var arn) && arn.GetString() == listenerArn).GetProperty("url").GetString()!);
        await _simulator.RegisterAsync("web", DockerContainers.Web("v2"));
        // The listener answers v1 before the update: asked first, not raced against v2's health checks on a busy machine.
        var before = (await http.GetStringAsync(listener)).Trim();

        (await cli.RunAsync("ecs", "update-service", "--cluster", DockerSimulator.Cluster, "--service", "web", "--task-definition", "web:2")).Succeeded();
        var answers = new List<string>();
        var failures = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline && !(answers.Count > 20 && answers.TakeLast(20).All(a => a == "v2")))
        {
            try
            {
                using var response = await http.GetAsync(listener);
                var body = (await response.Content.ReadAsStringAsync()).Trim();
                if (response.IsSuccessStatusCode) answers.Add(body);
                else failures.Add($"{(int)response.StatusCode} {body}");
            }
            catch (HttpRequestException e)
            {
                failures.Add(e.Message);
            }
            await Task.Delay(20);
        }

        Assert.Empty(failures);
        Assert.Equal("v1", before);
        Assert.True(answers.TakeLast(20).All(a => a == "v2"), "the answers did not settle on v2");
    }

    private int HealthyTargets(string group) =>
        Simulator.Elbv2.Domain.TargetCommands.DescribeHealth(_simulator.Server.Elbv2.World, _simulator.Server.Elbv2.Time.GetUtcNow(), _simulator.Server.Elbv2.Context, group, null)
            .Count(t => t.Health.State == "healthy");

    /// <summary>Busybox httpd on 8080: its page names the task's host, and /cgi-bin/env shows the request's headers as CGI variables.</summary>
    private static readonly string WebWithEnvironmentPage =
        $$"""{"name":"web","image":"{{DockerEngine.BaseImage}}","essential":true,"entryPoint":["/bin/sh","-c"],"command":["mkdir -p /www/cgi-bin && echo hello from $(hostname) > /www/index.html && printf '#!/bin/sh\necho Content-Type: text/plain\necho\nenv\n' > /www/cgi-bin/env && chmod +x /www/cgi-bin/env && exec httpd -f -p 8080 -h /www"],"portMappings":[{"containerPort":8080}],"linuxParameters":{"initProcessEnabled":true},"stopTimeout":5}""";

    public Task InitializeAsync() => _simulator.InitializeAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync();
}
