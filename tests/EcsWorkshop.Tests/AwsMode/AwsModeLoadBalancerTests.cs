using System.Text.Json;
using EcsWorkshop.Aws;

namespace EcsWorkshop.Tests.AwsMode;

/// <summary>AWS mode's load balancer step and its cleanup against moto (EC2 and ELBv2), checked with the real AWS CLI.</summary>
public sealed class AwsModeLoadBalancerTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    private Task<Workshop> ConnectAsync() =>
        Workshop.ConnectToAwsAsync(AwsClients.ForLocalEndpoint(moto.Moto.Endpoint, "eu-west-1"), null,
            new WorkshopOptions { ProgressOutput = null, PollInterval = TimeSpan.FromMilliseconds(50) });

    [Fact]
    public async Task Aws_mode_makes_a_security_group_of_its_own_opening_the_listener_port_never_the_default_group()
    {
        await using var workshop = await ConnectAsync();

        var setup = (await workshop.CreateLoadBalancerAsync("moto-alb", port: 8080, targetPort: 80)).Value;

        var vpc = await workshop.Aws.Ec2.FindDefaultVpcAsync();
        var defaultGroup = await workshop.Aws.Ec2.FindDefaultSecurityGroupAsync(vpc!.VpcId!);
        Assert.NotEqual(defaultGroup!.GroupId, setup.SecurityGroupId);
        Assert.Equal(setup.SecurityGroupId, Assert.Single(setup.LoadBalancer.SecurityGroups));
        Assert.Equal($"http://{setup.LoadBalancer.DnsName}:8080/", setup.Url);
        Assert.DoesNotContain(setup.Steps, s => s.CommandLine.Contains("--endpoint-url", StringComparison.Ordinal));
        using var described = await AwsCliAsync("ec2", "describe-security-groups", "--group-ids", setup.SecurityGroupId!);
        var group = described.RootElement.GetProperty("SecurityGroups")[0];
        var rules = group.GetProperty("IpPermissions").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("FromPort").GetInt32() == 8080
            && r.GetProperty("IpRanges").EnumerateArray().Any(i => i.GetProperty("CidrIp").GetString() == "0.0.0.0/0"));
        Assert.Contains(rules, r => r.GetProperty("FromPort").GetInt32() == 80
            && r.GetProperty("UserIdGroupPairs").EnumerateArray().Any(p => p.GetProperty("GroupId").GetString() == setup.SecurityGroupId));
        Assert.Contains(group.GetProperty("Tags").EnumerateArray(), t => t.GetProperty("Key").GetString() == "ecs-workshop:session"
            && t.GetProperty("Value").GetString() == workshop.SessionId);
    }

    [Fact]
    public async Task Cleanup_in_aws_mode_deletes_the_load_balancer_its_target_group_and_its_security_group()
    {
        await using var workshop = await ConnectAsync();
        var setup = (await workshop.CreateLoadBalancerAsync("moto-alb-gone")).Value;

        var report = (await workshop.CleanupAsync(TimeSpan.FromSeconds(30))).Value;

        Assert.Contains("moto-alb-gone", report.LoadBalancers);
        Assert.Contains(setup.TargetGroup.Name, report.TargetGroups);
        Assert.Contains(setup.SecurityGroupId!, report.SecurityGroups);
        using var left = await AwsCliAsync("elbv2", "describe-load-balancers");
        Assert.DoesNotContain(left.RootElement.GetProperty("LoadBalancers").EnumerateArray(), l => l.GetProperty("LoadBalancerName").GetString() == "moto-alb-gone");
        using var groups = await AwsCliAsync("ec2", "describe-security-groups");
        Assert.DoesNotContain(groups.RootElement.GetProperty("SecurityGroups").EnumerateArray(), g => g.GetProperty("GroupId").GetString() == setup.SecurityGroupId);
    }

    private Task<JsonDocument> AwsCliAsync(params string[] arguments) => MotoCli.RunAsync(moto.Moto.Endpoint, arguments);
}
