using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Elbv2;

/// <summary>AddTags, DescribeTags and RemoveTags on load balancers and target groups.</summary>
public sealed class TagTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    [Fact]
    public async Task Tags_are_added_overwritten_described_and_removed()
    {
        var loadBalancer = (await Cli.CreateLoadBalancerAsync("tagged-lb")).Arn("LoadBalancerArn");
        var group = (await Cli.CreateTargetGroupAsync("tagged-tg")).Arn("TargetGroupArn");

        (await Cli.RunAsync("elbv2", "add-tags", "--resource-arns", loadBalancer, group, "--tags", "Key=project,Value=ecs-workshop", "Key=stage,Value=dev")).Succeeded();
        (await Cli.RunAsync("elbv2", "add-tags", "--resource-arns", loadBalancer, "--tags", "Key=stage,Value=prod")).Succeeded();
        (await Cli.RunAsync("elbv2", "remove-tags", "--resource-arns", group, "--tag-keys", "stage")).Succeeded();
        var described = (await Cli.RunAsync("elbv2", "describe-tags", "--resource-arns", loadBalancer, group)).Succeeded().Json.GetProperty("TagDescriptions");

        Assert.Equal(["project=ecs-workshop", "stage=prod"], described[0].GetProperty("Tags").EnumerateArray().Select(t => $"{t.Arn("Key")}={t.Arn("Value")}"));
        Assert.Equal(["project=ecs-workshop"], described[1].GetProperty("Tags").EnumerateArray().Select(t => $"{t.Arn("Key")}={t.Arn("Value")}"));
    }

    [Fact]
    public async Task Tagging_a_load_balancer_that_does_not_exist_is_LoadBalancerNotFound()
    {
        await Cli.FailsAsync("LoadBalancerNotFound", "elbv2", "add-tags", "--resource-arns",
            "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/nobody/0123456789abcdef", "--tags", "Key=a,Value=b");
    }
}
