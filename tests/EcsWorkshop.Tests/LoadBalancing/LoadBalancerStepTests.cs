using EcsWorkshop.Display.Views;
using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.LoadBalancing;

/// <summary>The load balancer steps against the simulator (simulated runtime: the listener answers with its stand-in page).</summary>
public sealed class LoadBalancerStepTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Creating_a_load_balancer_makes_its_own_security_group_a_target_group_and_a_listener_each_with_its_cli_command()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var name = Unique.Name("alb");

        var created = await workshop.CreateLoadBalancerAsync(name, healthCheckPath: "/", deregistrationDelaySeconds: 30);

        var setup = created.Value;
        Assert.Equal("active", setup.LoadBalancer.State);
        Assert.True(setup.LoadBalancer.Zones.Select(z => z.Zone).Distinct().Count() >= 2);
        Assert.Equal(setup.SecurityGroupId, Assert.Single(setup.LoadBalancer.SecurityGroups));
        var defaultGroup = (await workshop.Aws.Ec2.FindDefaultSecurityGroupAsync(setup.LoadBalancer.VpcId!))?.GroupId;
        Assert.NotEqual(defaultGroup, setup.SecurityGroupId);
        Assert.Equal("ip", setup.TargetGroup.TargetType);
        Assert.Equal(30, setup.TargetGroup.DeregistrationDelaySeconds);
        Assert.Equal(80, setup.Listener.Port);
        Assert.StartsWith("http://127.0.0.1:", setup.Url);
        Assert.Contains(setup.Steps, s => s.CommandLine.Contains("ec2 create-security-group", StringComparison.Ordinal));
        Assert.Contains(setup.Steps, s => s.CommandLine.Contains("elbv2 create-load-balancer", StringComparison.Ordinal));
        Assert.Contains(setup.Steps, s => s.CommandLine.Contains("elbv2 create-target-group", StringComparison.Ordinal) && s.CommandLine.Contains("--target-type ip", StringComparison.Ordinal));
        Assert.Contains(setup.Steps, s => s.CommandLine.Contains("elbv2 create-listener", StringComparison.Ordinal));
        Assert.All(setup.Steps, s => Assert.Contains($"--endpoint-url {simulator.Server.Endpoint.ToString().TrimEnd('/')}", s.CommandLine));
        var tags = await workshop.Aws.Elb.DescribeTagsAsync([setup.LoadBalancer.Arn!, setup.TargetGroup.Arn!]);
        Assert.All(tags, t => Assert.Contains(t.Tags, tag => tag.Key == "ecs-workshop:session" && tag.Value == workshop.SessionId));
    }

    [Fact]
    public async Task Running_the_step_again_creates_nothing_new()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var name = Unique.Name("alb");

        var first = await workshop.CreateLoadBalancerAsync(name);
        var second = await workshop.CreateLoadBalancerAsync(name);

        Assert.Equal(first.Value.LoadBalancer.Arn, second.Value.LoadBalancer.Arn);
        Assert.Equal(first.Value.TargetGroup.Arn, second.Value.TargetGroup.Arn);
        Assert.Equal(first.Value.Listener.Arn, second.Value.Listener.Arn);
        Assert.Equal(first.Value.SecurityGroupId, second.Value.SecurityGroupId);
    }

    [Fact]
    public async Task A_listener_without_targets_answers_503()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var setup = (await workshop.CreateLoadBalancerAsync(Unique.Name("alb"))).Value;

        var page = await workshop.OpenAsync(setup.Url!);

        Assert.Equal(503, page.Value.StatusCode);
        Assert.Contains("503", page.Note);
    }

    [Fact]
    public async Task A_service_behind_the_load_balancer_gets_healthy_targets_and_the_page_names_the_task_that_answered()
    {
        var output = new StringWriter();
        await using var workshop = await simulator.NewWorkshopAsync(output);
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, ContainerName = "web", Image = "httpd:2.4" });
        var setup = (await workshop.CreateLoadBalancerAsync(Unique.Name("alb"))).Value;

        var created = await workshop.CreateServiceAsync(cluster, "web", family, desiredCount: 2,
            loadBalancer: ServiceLoadBalancer.For(setup, "web"), healthCheckGracePeriodSeconds: 30);
        var healthy = await workshop.WatchTargetHealthAsync(setup.TargetGroup.Name, until: h => h.Targets.Count(t => t.State == "healthy") == 2,
            timeout: TimeSpan.FromSeconds(60), cluster: cluster);
        var tasks = (await workshop.ListTasksAsync("web", cluster)).Value;
        var page = await workshop.OpenAsync(setup.Url!);

        Assert.Contains($"--load-balancers targetGroupArn={setup.TargetGroup.Arn},containerName=web,containerPort=80", created.CommandLine);
        Assert.Contains("--health-check-grace-period-seconds 30", created.CommandLine);
        Assert.Contains($"securityGroups=[{setup.SecurityGroupId}]", created.CommandLine);
        Assert.Equal(tasks.Select(t => t.Id).Order(), healthy.Value.Targets.Select(t => t.TaskId!).Order());
        Assert.Contains("initial", output.ToString());
        Assert.Equal(200, page.Value.StatusCode);
        Assert.Contains(page.Value.TaskId, tasks.Select(t => t.Id));
        Assert.NotNull(page.Value.AppVersion);
    }

    [Fact]
    public async Task Traffic_during_a_rolling_update_switches_versions_without_a_failed_request()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        var web = new FargateTaskDefinition { Family = family, ContainerName = "web", Image = "httpd:2.4" };
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(web.WithEnvironment("APP_VERSION", "1"));
        var v2 = (await workshop.RegisterTaskDefinitionAsync(web.WithEnvironment("APP_VERSION", "2"))).Value.FamilyRevision;
        var setup = (await workshop.CreateLoadBalancerAsync(Unique.Name("alb"), deregistrationDelaySeconds: 5)).Value;
        await workshop.CreateServiceAsync(cluster, "web", $"{family}:1", desiredCount: 2, loadBalancer: ServiceLoadBalancer.For(setup, "web"));
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(60), cluster: cluster);
        await workshop.WatchTargetHealthAsync(setup.TargetGroup.Name, timeout: TimeSpan.FromSeconds(60), cluster: cluster);

        var traffic = workshop.StartTraffic(setup.Url!, TimeSpan.FromMilliseconds(20));
        await workshop.DeployAsync("web", v2, cluster);
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(90), cluster: cluster);
        var seen = await traffic.StopAsync();

        Assert.Equal(0, seen.Failures);
        Assert.Equal(new[] { "1", "2" }, seen.Versions.ToArray());
        Assert.Equal("2", seen.Samples[^1].AppVersion);
        Assert.Contains("<svg", EcsWorkshop.Display.Formatting.WorkshopFormatters.ToHtml(seen));
    }

    [Fact]
    public async Task Cleanup_deletes_the_listener_the_load_balancer_the_target_group_and_the_security_group()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var name = Unique.Name("alb");
        var setup = (await workshop.CreateLoadBalancerAsync(name)).Value;

        var report = (await workshop.CleanupAsync(TimeSpan.FromSeconds(30))).Value;

        Assert.Equal(name, Assert.Single(report.LoadBalancers));
        Assert.Equal(setup.TargetGroup.Name, Assert.Single(report.TargetGroups));
        Assert.Equal(setup.SecurityGroupId, Assert.Single(report.SecurityGroups));
        var order = report.Commands.Select((c, i) => (c, i)).ToList();
        int IndexOf(string text) => order.First(o => o.c.Contains(text, StringComparison.Ordinal)).i;
        Assert.True(IndexOf("delete-listener") < IndexOf("delete-load-balancer"));
        Assert.True(IndexOf("delete-load-balancer") < IndexOf("delete-target-group"));
        Assert.True(IndexOf("delete-target-group") < IndexOf("delete-security-group"));
        Assert.DoesNotContain((await workshop.Aws.Elb.DescribeLoadBalancersAsync()).Items, l => l.LoadBalancerName == name);
        var error = await Assert.ThrowsAsync<EcsWorkshop.Aws.AwsServiceException>(() =>
            workshop.Aws.Ec2.DescribeSecurityGroupsAsync(new EcsWorkshop.Aws.Ec2.Model.DescribeSecurityGroupsRequest { GroupIds = [setup.SecurityGroupId!] }));
        Assert.Equal("InvalidGroup.NotFound", error.ErrorCode);
    }
}
