using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Elbv2;

/// <summary>Registering, describing and deregistering targets, with the states and reasons AWS documents.</summary>
public sealed class TargetTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    private async Task<string> HealthAsync(string targetGroupArn, string target)
    {
        var health = (await Cli.RunAsync("elbv2", "describe-target-health", "--target-group-arn", targetGroupArn, "--targets", target)).Succeeded().Json
            .GetProperty("TargetHealthDescriptions")[0].GetProperty("TargetHealth");
        return $"{health.Arn("State")}/{health.Arn("Reason")}";
    }

    [Fact]
    public async Task A_target_of_a_group_no_listener_uses_is_unused_NotInUse()
    {
        var arn = (await Cli.CreateTargetGroupAsync("idle-tg")).Arn("TargetGroupArn");

        (await Cli.RunAsync("elbv2", "register-targets", "--target-group-arn", arn, "--targets", "Id=172.31.0.5")).Succeeded();

        Assert.Equal("unused/Target.NotInUse", await HealthAsync(arn, "Id=172.31.0.5"));
    }

    [Fact]
    public async Task A_target_never_registered_is_unused_NotRegistered()
    {
        var arn = (await Cli.CreateTargetGroupAsync("empty-tg")).Arn("TargetGroupArn");

        Assert.Equal("unused/Target.NotRegistered", await HealthAsync(arn, "Id=172.31.0.99"));
    }

    [Fact]
    public async Task A_registered_target_behind_a_listener_is_initial_until_health_checks_report()
    {
        var loadBalancer = await Cli.CreateLoadBalancerAsync("initial-lb");
        var arn = (await Cli.CreateTargetGroupAsync("initial-tg")).Arn("TargetGroupArn");
        await Cli.CreateListenerAsync(loadBalancer.Arn("LoadBalancerArn"), arn);

        (await Cli.RunAsync("elbv2", "register-targets", "--target-group-arn", arn, "--targets", "Id=172.31.0.6,Port=8080")).Succeeded();

        Assert.StartsWith("initial/Elb.", await HealthAsync(arn, "Id=172.31.0.6,Port=8080"));
    }

    // 200 s at the fixture's speed 20 is 10 s: long enough to see draining, short enough for the CLI's waiter.
    [Fact]
    public async Task A_deregistered_target_drains_for_the_deregistration_delay_then_is_gone()
    {
        var loadBalancer = await Cli.CreateLoadBalancerAsync("drain-lb");
        var arn = (await Cli.CreateTargetGroupAsync("drain-tg")).Arn("TargetGroupArn");
        await Cli.CreateListenerAsync(loadBalancer.Arn("LoadBalancerArn"), arn);
        (await Cli.RunAsync("elbv2", "modify-target-group-attributes", "--target-group-arn", arn,
            "--attributes", "Key=deregistration_delay.timeout_seconds,Value=200")).Succeeded();
        (await Cli.RunAsync("elbv2", "register-targets", "--target-group-arn", arn, "--targets", "Id=172.31.0.7")).Succeeded();

        (await Cli.RunAsync("elbv2", "deregister-targets", "--target-group-arn", arn, "--targets", "Id=172.31.0.7")).Succeeded();
        var draining = await HealthAsync(arn, "Id=172.31.0.7");
        var waited = await Cli.RunAsync("elbv2", "wait", "target-deregistered", "--target-group-arn", arn, "--targets", "Id=172.31.0.7");

        Assert.Equal("draining/Target.DeregistrationInProgress", draining);
        Assert.Equal(0, waited.ExitCode);
        Assert.Equal("unused/Target.NotRegistered", await HealthAsync(arn, "Id=172.31.0.7"));
    }

    [Fact]
    public async Task Deregistering_a_target_that_is_not_registered_succeeds()
    {
        var arn = (await Cli.CreateTargetGroupAsync("nothing-tg")).Arn("TargetGroupArn");

        var result = await Cli.RunAsync("elbv2", "deregister-targets", "--target-group-arn", arn, "--targets", "Id=172.31.0.8");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_private_address_outside_the_vpc_needs_an_availability_zone()
    {
        var arn = (await Cli.CreateTargetGroupAsync("outside-tg")).Arn("TargetGroupArn");

        var error = await Cli.FailsAsync("ValidationError", "elbv2", "register-targets", "--target-group-arn", arn, "--targets", "Id=10.4.40.87");

        Assert.Contains("The Availability Zone is required for IP address '10.4.40.87' because it is not in the VPC", error);
    }

    [Fact]
    public async Task An_address_in_an_instance_target_group_is_not_a_valid_instance_id()
    {
        var arn = (await Cli.CreateTargetGroupAsync("instance-tg", "instance")).Arn("TargetGroupArn");

        var error = await Cli.FailsAsync("ValidationError", "elbv2", "register-targets", "--target-group-arn", arn, "--targets", "Id=10.19.173.98");

        Assert.Contains("Instance ID '10.19.173.98' is not valid", error);
    }

    [Fact]
    public async Task An_instance_that_does_not_exist_is_InvalidTarget()
    {
        var arn = (await Cli.CreateTargetGroupAsync("no-instance-tg", "instance")).Arn("TargetGroupArn");

        await Cli.FailsAsync("InvalidTarget", "elbv2", "register-targets", "--target-group-arn", arn, "--targets", "Id=i-0123456789abcdef0");
    }
}
