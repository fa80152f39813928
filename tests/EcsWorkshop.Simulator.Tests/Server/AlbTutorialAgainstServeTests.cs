using System.Globalization;
using EcsWorkshop.Simulator.Tests.Elbv2;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Server;

/// <summary>
/// AWS's own CLI tutorial for an Application Load Balancer ("Create an Application Load Balancer using the AWS
/// CLI"), command by command with <c>/usr/bin/aws</c> against <c>workshop serve</c> started as the learner starts it:
/// find the default VPC, two of its subnets in different zones and its default security group; create the load
/// balancer, the target group, the listener; register targets; describe their health; delete the load balancer and
/// the target group. The one change: the targets are IP addresses of the default VPC (<c>--target-type ip</c>), as
/// the simulator runs no EC2 instances for the tutorial's <c>Id=i-…</c> targets.
/// </summary>
public sealed class AlbTutorialAgainstServeTests : IDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("ecs-workshop-alb-tutorial-").FullName;

    public void Dispose() => Directory.Delete(_stateDirectory, recursive: true);

    [Fact]
    public async Task The_tutorial_runs_unchanged_against_workshop_serve()
    {
        using var server = WorkshopProcess.Start("serve", "--port", "0", "--state-dir", _stateDirectory, "--runtime", "simulated");
        var endpoint = await server.WaitForEndpointAsync();
        var aws = new AwsCli(endpoint);

        var vpc = (await aws.RunAsync("ec2", "describe-vpcs", "--filters", "Name=isDefault,Values=true")).Succeeded().Json.GetProperty("Vpcs")[0].Arn("VpcId");
        var subnets = (await aws.RunAsync("ec2", "describe-subnets", "--filters", $"Name=vpc-id,Values={vpc}", "Name=default-for-az,Values=true")).Succeeded().Json
            .GetProperty("Subnets").EnumerateArray().Select(s => (Id: s.Arn("SubnetId"), Zone: s.Arn("AvailabilityZone"), Cidr: s.Arn("CidrBlock"))).Take(2).ToList();
        var group = (await aws.RunAsync("ec2", "describe-security-groups", "--filters", $"Name=vpc-id,Values={vpc}", "Name=group-name,Values=default")).Succeeded().Json
            .GetProperty("SecurityGroups")[0].Arn("GroupId");

        var loadBalancerArn = (await aws.RunAsync("elbv2", "create-load-balancer", "--name", "my-load-balancer",
            "--subnets", subnets[0].Id, subnets[1].Id, "--security-groups", group)).Succeeded().Json.GetProperty("LoadBalancers")[0].Arn("LoadBalancerArn");
        var targetGroupArn = (await aws.RunAsync("elbv2", "create-target-group", "--name", "my-targets", "--protocol", "HTTP", "--port", "80",
            "--vpc-id", vpc, "--ip-address-type", "ipv4", "--target-type", "ip")).Succeeded().Json.GetProperty("TargetGroups")[0].Arn("TargetGroupArn");
        var first = subnets[0].Cidr.Replace(".0/20", ".10", StringComparison.Ordinal);
        var second = subnets[1].Cidr.Replace(".0/20", ".20", StringComparison.Ordinal);
        (await aws.RunAsync("elbv2", "register-targets", "--target-group-arn", targetGroupArn, "--targets", $"Id={first}", $"Id={second}")).Succeeded();
        var listenerArn = (await aws.RunAsync("elbv2", "create-listener", "--load-balancer-arn", loadBalancerArn, "--protocol", "HTTP", "--port", "80",
            "--default-actions", $"Type=forward,TargetGroupArn={targetGroupArn}")).Succeeded().Json.GetProperty("Listeners")[0].Arn("ListenerArn");
        var health = (await aws.RunAsync("elbv2", "describe-target-health", "--target-group-arn", targetGroupArn)).Succeeded().Json
            .GetProperty("TargetHealthDescriptions").EnumerateArray().ToList();
        (await aws.RunAsync("elbv2", "delete-load-balancer", "--load-balancer-arn", loadBalancerArn)).Succeeded();
        (await aws.RunAsync("elbv2", "delete-target-group", "--target-group-arn", targetGroupArn)).Succeeded();

        Assert.NotEqual(subnets[0].Zone, subnets[1].Zone);
        Assert.Equal([first, second], health.Select(t => t.GetProperty("Target").Arn("Id")).Order(StringComparer.Ordinal));
        Assert.All(health, t => Assert.Equal("initial", t.GetProperty("TargetHealth").Arn("State")));
        await aws.FailsAsync("ListenerNotFound", "elbv2", "describe-listeners", "--listener-arns", listenerArn);
        await aws.FailsAsync("LoadBalancerNotFound", "elbv2", "describe-load-balancers", "--names", "my-load-balancer");
        await aws.FailsAsync("TargetGroupNotFound", "elbv2", "describe-target-groups", "--names", "my-targets");
    }
}
