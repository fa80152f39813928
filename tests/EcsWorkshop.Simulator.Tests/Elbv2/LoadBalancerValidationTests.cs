using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Elbv2;

/// <summary>CreateLoadBalancer refuses what AWS refuses, in AWS's codes and words, and changes nothing then.</summary>
public sealed class LoadBalancerValidationTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    [Fact]
    public async Task One_subnet_is_a_ValidationError_asking_for_two_zones()
    {
        var subnets = await Cli.DefaultSubnetsAsync();

        var error = await Cli.FailsAsync("ValidationError", "elbv2", "create-load-balancer", "--name", "one-subnet", "--subnets", subnets[0]);

        Assert.Contains("At least two subnets in two different Availability Zones must be specified", error);
        Assert.DoesNotContain(simulator.Server.Elbv2.World.LoadBalancers.Values, lb => lb.Name == "one-subnet");
    }

    [Fact]
    public async Task Two_subnets_of_one_zone_are_InvalidConfigurationRequest()
    {
        var subnets = await Cli.DefaultSubnetsAsync();

        var error = await Cli.FailsAsync("InvalidConfigurationRequest", "elbv2", "create-load-balancer", "--name", "same-zone", "--subnets", subnets[0], "subnet-abcd1234");

        Assert.Contains("A load balancer cannot be attached to multiple subnets in the same Availability Zone", error);
    }

    [Fact]
    public async Task A_subnet_that_does_not_exist_is_SubnetNotFound()
    {
        var subnets = await Cli.DefaultSubnetsAsync();

        var error = await Cli.FailsAsync("SubnetNotFound", "elbv2", "create-load-balancer", "--name", "no-subnet", "--subnets", subnets[0], "subnet-0000000000000000f");

        Assert.Contains("subnet-0000000000000000f", error);
    }

    [Fact]
    public async Task A_security_group_that_does_not_exist_is_InvalidSecurityGroup()
    {
        var subnets = await Cli.DefaultSubnetsAsync();

        await Cli.FailsAsync("InvalidSecurityGroup", "elbv2", "create-load-balancer", "--name", "no-group", "--subnets", subnets[0], subnets[1],
            "--security-groups", "sg-0000000000000000f");
    }

    [Theory]
    [InlineData("a-name-that-is-much-longer-than-32", "cannot be longer than '32' characters")]
    [InlineData("under_score", "can only contain characters that are alphanumeric characters or hyphens(-)")]
    [InlineData("-leading", "cannot begin or end with '-'")]
    [InlineData("internal-lb", "cannot begin with 'internal-'")]
    public async Task Names_outside_the_rules_are_ValidationErrors(string name, string words)
    {
        var subnets = await Cli.DefaultSubnetsAsync();

        var error = await Cli.FailsAsync("ValidationError", "elbv2", "create-load-balancer", $"--name={name}", "--subnets", subnets[0], subnets[1]);

        Assert.Contains($"The load balancer name '{name}' ", error);
        Assert.Contains(words, error);
    }

    [Fact]
    public async Task The_same_name_with_the_same_settings_answers_the_existing_load_balancer()
    {
        var first = await Cli.CreateLoadBalancerAsync("idempotent");

        var second = await Cli.CreateLoadBalancerAsync("idempotent");

        Assert.Equal(first.Arn("LoadBalancerArn"), second.Arn("LoadBalancerArn"));
    }

    [Fact]
    public async Task The_same_name_with_other_subnets_is_DuplicateLoadBalancerName()
    {
        var subnets = await Cli.DefaultSubnetsAsync();
        await Cli.CreateLoadBalancerAsync("taken");

        var error = await Cli.FailsAsync("DuplicateLoadBalancerName", "elbv2", "create-load-balancer", "--name", "taken", "--subnets", subnets[1], subnets[2]);

        Assert.Contains("A load balancer with the same name 'taken' exists, but with different settings", error);
    }

    [Fact]
    public async Task Network_load_balancers_are_not_simulated()
    {
        var subnets = await Cli.DefaultSubnetsAsync();

        var error = await Cli.FailsAsync("ValidationError", "elbv2", "create-load-balancer", "--name", "nlb", "--type", "network", "--subnets", subnets[0], subnets[1]);

        Assert.Contains("simulator", error);
    }

    [Fact]
    public async Task Describing_an_unknown_name_is_LoadBalancerNotFound_naming_it()
    {
        var error = await Cli.FailsAsync("LoadBalancerNotFound", "elbv2", "describe-load-balancers", "--names", "nobody");

        Assert.Contains("Load balancers '[nobody]' not found", error);
    }

    [Fact]
    public async Task Deleting_a_load_balancer_that_is_gone_succeeds_and_a_malformed_arn_is_refused()
    {
        var loadBalancer = await Cli.CreateLoadBalancerAsync("deleted-twice");
        var arn = loadBalancer.Arn("LoadBalancerArn");
        (await Cli.RunAsync("elbv2", "delete-load-balancer", "--load-balancer-arn", arn)).Succeeded();

        var again = await Cli.RunAsync("elbv2", "delete-load-balancer", "--load-balancer-arn", arn);
        var malformed = await Cli.FailsAsync("ValidationError", "elbv2", "delete-load-balancer", "--load-balancer-arn", "not-an-arn");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("'not-an-arn' is not a valid load balancer ARN", malformed);
    }
}
