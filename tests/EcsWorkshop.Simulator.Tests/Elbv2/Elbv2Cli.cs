using System.Text.Json;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Elbv2;

/// <summary>The default VPC's networking and a load balancer's parts, made through the real AWS CLI.</summary>
internal static class Elbv2Cli
{
    public static async Task<string> DefaultVpcAsync(this AwsCli cli) =>
        (await cli.RunAsync("ec2", "describe-vpcs", "--filters", "Name=isDefault,Values=true")).Succeeded().Json
            .GetProperty("Vpcs")[0].GetProperty("VpcId").GetString()!;

    /// <summary>The default subnets (one per Availability Zone), found as AWS's tutorials find them.</summary>
    public static async Task<string[]> DefaultSubnetsAsync(this AwsCli cli) =>
    [
        .. (await cli.RunAsync("ec2", "describe-subnets", "--filters", "Name=default-for-az,Values=true")).Succeeded().Json
            .GetProperty("Subnets").EnumerateArray().Select(s => s.GetProperty("SubnetId").GetString()!),
    ];

    public static async Task<JsonElement> CreateLoadBalancerAsync(this AwsCli cli, string name)
    {
        var subnets = await cli.DefaultSubnetsAsync();
        return (await cli.RunAsync("elbv2", "create-load-balancer", "--name", name, "--subnets", subnets[0], subnets[1])).Succeeded().Json
            .GetProperty("LoadBalancers")[0];
    }

    public static async Task<JsonElement> CreateTargetGroupAsync(this AwsCli cli, string name, string targetType = "ip")
    {
        var vpc = await cli.DefaultVpcAsync();
        return (await cli.RunAsync("elbv2", "create-target-group", "--name", name, "--protocol", "HTTP", "--port", "80",
            "--vpc-id", vpc, "--target-type", targetType)).Succeeded().Json.GetProperty("TargetGroups")[0];
    }

    public static async Task<string> CreateListenerAsync(this AwsCli cli, string loadBalancerArn, string targetGroupArn, int port = 80) =>
        (await cli.RunAsync("elbv2", "create-listener", "--load-balancer-arn", loadBalancerArn, "--protocol", "HTTP", "--port", port.ToString(),
            "--default-actions", $"Type=forward,TargetGroupArn={targetGroupArn}")).Succeeded().Json
            .GetProperty("Listeners")[0].GetProperty("ListenerArn").GetString()!;

    public static string Arn(this JsonElement element, string member) => element.GetProperty(member).GetString()!;
}
