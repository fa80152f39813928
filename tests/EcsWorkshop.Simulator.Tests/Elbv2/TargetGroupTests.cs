using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Elbv2;

/// <summary>Target groups: required members, health-check rules, attributes, in-use deletes.</summary>
public sealed class TargetGroupTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    [Fact]
    public async Task Deleting_a_target_group_a_listener_forwards_to_is_ResourceInUse()
    {
        var loadBalancer = await Cli.CreateLoadBalancerAsync("in-use-lb");
        var group = await Cli.CreateTargetGroupAsync("in-use-tg");
        await Cli.CreateListenerAsync(loadBalancer.Arn("LoadBalancerArn"), group.Arn("TargetGroupArn"));

        var error = await Cli.FailsAsync("ResourceInUse", "elbv2", "delete-target-group", "--target-group-arn", group.Arn("TargetGroupArn"));

        Assert.Contains($"Target group '{group.Arn("TargetGroupArn")}' is currently in use by a listener or a rule", error);
        Assert.True(simulator.Server.Elbv2.World.TargetGroups.ContainsKey(group.Arn("TargetGroupArn")));
    }

    [Fact]
    public async Task A_target_group_without_a_vpc_is_refused_as_AWS_words_it()
    {
        var error = await Cli.FailsAsync("ValidationError", "elbv2", "create-target-group", "--name", "no-vpc", "--protocol", "HTTP", "--port", "80");

        Assert.Contains("A VPC ID must be specified", error);
    }

    [Fact]
    public async Task A_health_check_interval_not_above_its_timeout_is_refused()
    {
        var vpc = await Cli.DefaultVpcAsync();

        var error = await Cli.FailsAsync("ValidationError", "elbv2", "create-target-group", "--name", "slow-check", "--protocol", "HTTP", "--port", "80",
            "--vpc-id", vpc, "--health-check-interval-seconds", "10", "--health-check-timeout-seconds", "10");

        Assert.Contains("Health check interval must be greater than the timeout.", error);
    }

    [Fact]
    public async Task The_same_name_with_another_port_is_DuplicateTargetGroupName()
    {
        var vpc = await Cli.DefaultVpcAsync();
        await Cli.CreateTargetGroupAsync("dup-tg");

        var error = await Cli.FailsAsync("DuplicateTargetGroupName", "elbv2", "create-target-group", "--name", "dup-tg", "--protocol", "HTTP", "--port", "8080",
            "--vpc-id", vpc, "--target-type", "ip");

        Assert.Contains("A target group with the same name 'dup-tg' exists, but with different settings", error);
    }

    [Fact]
    public async Task The_deregistration_delay_is_300_seconds_until_changed()
    {
        var arn = (await Cli.CreateTargetGroupAsync("delay-tg")).Arn("TargetGroupArn");

        var before = (await Cli.RunAsync("elbv2", "describe-target-group-attributes", "--target-group-arn", arn)).Succeeded().Json;
        (await Cli.RunAsync("elbv2", "modify-target-group-attributes", "--target-group-arn", arn,
            "--attributes", "Key=deregistration_delay.timeout_seconds,Value=30")).Succeeded();
        var after = (await Cli.RunAsync("elbv2", "describe-target-group-attributes", "--target-group-arn", arn)).Succeeded().Json;

        Assert.Equal("300", Delay(before));
        Assert.Equal("30", Delay(after));
        static string Delay(System.Text.Json.JsonElement attributes) => attributes.GetProperty("Attributes").EnumerateArray()
            .Single(a => a.Arn("Key") == "deregistration_delay.timeout_seconds").Arn("Value");
    }

    [Fact]
    public async Task A_deregistration_delay_above_an_hour_is_refused()
    {
        var arn = (await Cli.CreateTargetGroupAsync("long-delay-tg")).Arn("TargetGroupArn");

        var error = await Cli.FailsAsync("ValidationError", "elbv2", "modify-target-group-attributes", "--target-group-arn", arn,
            "--attributes", "Key=deregistration_delay.timeout_seconds,Value=4000");

        Assert.Contains("must be between '0-3600' inclusive", error);
    }

    [Fact]
    public async Task Modify_target_group_changes_the_health_check()
    {
        var arn = (await Cli.CreateTargetGroupAsync("modified-tg")).Arn("TargetGroupArn");

        var modified = (await Cli.RunAsync("elbv2", "modify-target-group", "--target-group-arn", arn, "--health-check-path", "/health",
            "--health-check-interval-seconds", "10", "--matcher", "HttpCode=200-299")).Succeeded().Json.GetProperty("TargetGroups")[0];

        Assert.Equal(("/health", 10, "200-299"), (modified.Arn("HealthCheckPath"), modified.GetProperty("HealthCheckIntervalSeconds").GetInt32(), modified.GetProperty("Matcher").Arn("HttpCode")));
    }

    [Fact]
    public async Task An_unknown_or_malformed_target_group_arn_is_refused()
    {
        var unknown = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/nobody/0123456789abcdef";

        var missing = await Cli.FailsAsync("TargetGroupNotFound", "elbv2", "describe-target-health", "--target-group-arn", unknown);
        var malformed = await Cli.FailsAsync("ValidationError", "elbv2", "describe-target-health", "--target-group-arn", "tg");

        Assert.Contains($"Target groups '{unknown}' not found", missing);
        Assert.Contains("'tg' is not a valid target group ARN", malformed);
    }
}
