using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Ec2;

/// <summary>Creating a security group, opening a port, deleting it, with EC2's errors.</summary>
public sealed class SecurityGroupTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    private async Task<string> CreateAsync(string name) =>
        (await Cli.RunAsync("ec2", "create-security-group", "--group-name", name, "--description", "ECS workshop ALB")).Succeeded().Json
            .GetProperty("GroupId").GetString()!;

    [Fact]
    public async Task A_group_is_created_opened_on_port_80_and_deleted()
    {
        var id = await CreateAsync("alb-http");

        var opened = (await Cli.RunAsync("ec2", "authorize-security-group-ingress", "--group-id", id, "--protocol", "tcp", "--port", "80", "--cidr", "0.0.0.0/0")).Succeeded().Json;
        var described = (await Cli.RunAsync("ec2", "describe-security-groups", "--group-ids", id)).Succeeded().Json.GetProperty("SecurityGroups")[0];
        (await Cli.RunAsync("ec2", "delete-security-group", "--group-id", id)).Succeeded();

        Assert.True(opened.GetProperty("Return").GetBoolean());
        var rule = described.GetProperty("IpPermissions")[0];
        Assert.Equal(("tcp", 80, 80, "0.0.0.0/0"), (rule.GetProperty("IpProtocol").GetString(), rule.GetProperty("FromPort").GetInt32(), rule.GetProperty("ToPort").GetInt32(),
            rule.GetProperty("IpRanges")[0].GetProperty("CidrIp").GetString()));
        await Cli.FailsAsync("InvalidGroup.NotFound", "ec2", "describe-security-groups", "--group-ids", id);
    }

    [Fact]
    public async Task The_same_rule_twice_is_InvalidPermission_Duplicate()
    {
        var id = await CreateAsync("twice-open");
        (await Cli.RunAsync("ec2", "authorize-security-group-ingress", "--group-id", id, "--protocol", "tcp", "--port", "80", "--cidr", "0.0.0.0/0")).Succeeded();

        var error = await Cli.FailsAsync("InvalidPermission.Duplicate", "ec2", "authorize-security-group-ingress", "--group-id", id, "--protocol", "tcp", "--port", "80", "--cidr", "0.0.0.0/0");

        Assert.Contains("peer: 0.0.0.0/0, TCP, from port: 80, to port: 80, ALLOW", error);
    }

    [Fact]
    public async Task A_name_taken_in_the_vpc_is_InvalidGroup_Duplicate()
    {
        await CreateAsync("taken-name");

        var error = await Cli.FailsAsync("InvalidGroup.Duplicate", "ec2", "create-security-group", "--group-name", "taken-name", "--description", "again");

        Assert.Contains("The security group 'taken-name' already exists for VPC", error);
    }

    [Fact]
    public async Task The_default_group_cannot_be_deleted()
    {
        await Cli.FailsAsync("CannotDelete", "ec2", "delete-security-group", "--group-name", "default");
    }

    [Fact]
    public async Task A_group_a_load_balancer_uses_is_a_DependencyViolation()
    {
        var id = await CreateAsync("used-by-lb");
        var subnets = await Elbv2.Elbv2Cli.DefaultSubnetsAsync(Cli);
        (await Cli.RunAsync("elbv2", "create-load-balancer", "--name", "uses-group", "--subnets", subnets[0], subnets[1], "--security-groups", id)).Succeeded();

        await Cli.FailsAsync("DependencyViolation", "ec2", "delete-security-group", "--group-id", id);
    }
}
