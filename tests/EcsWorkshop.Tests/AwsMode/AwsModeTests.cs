using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Iam.Model;
using EcsWorkshop.Errors;
using EcsWorkshop.Tests.Support;
using EcsWorkshop.TestSupport;

namespace EcsWorkshop.Tests.AwsMode;

/// <summary>moto for the whole class: AWS mode's pieces that moto supports (STS, IAM, EC2's default VPC).</summary>
public sealed class MotoFixture : IAsyncLifetime
{
    public MotoServer Moto { get; private set; } = null!;

    public async Task InitializeAsync() => Moto = await MotoServer.StartAsync();

    public async Task DisposeAsync() => await Moto.DisposeAsync();
}

public sealed class AwsModeTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    // dockerEndpoint: where the Docker engine is asked for (a socket that does not exist = a machine without Docker).
    private async Task<(Workshop Workshop, StringWriter Output)> ConnectAsync(Uri? dockerEndpoint = null)
    {
        var output = new StringWriter();
        var workshop = await Workshop.ConnectToAwsAsync(AwsClients.ForLocalEndpoint(moto.Moto.Endpoint, "eu-west-1"), "workshop-profile",
            new WorkshopOptions { ProgressOutput = output, DockerEndpoint = dockerEndpoint,
                ToolEnvironment = dockerEndpoint is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["DOCKER_HOST"] = dockerEndpoint.ToString() } });
        return (workshop, output);
    }

    [Fact]
    public async Task Connecting_asks_sts_for_the_account_and_warns_about_cost_before_anything_is_created()
    {
        var (workshop, output) = await ConnectAsync();
        await using var _ = workshop;

        Assert.Equal(WorkshopMode.Aws, workshop.Mode);
        Assert.Equal("123456789012", workshop.AccountId);
        Assert.Null(workshop.Endpoint);
        Assert.Equal("eu-west-1", workshop.Region);
        Assert.Contains("123456789012", output.ToString());
        Assert.Contains("料金がかかります", output.ToString());
        Assert.Contains("CleanupAsync", output.ToString());
    }

    [Fact]
    public async Task Aws_mode_cli_commands_have_no_endpoint_url_but_the_region_and_profile()
    {
        var (workshop, _) = await ConnectAsync();
        await using var __ = workshop;

        var sizes = workshop.FargateSizes();
        var command = EcsWorkshop.Display.Views.AwsCliCommand.For("ecs", "list-clusters").ToCommandLine(workshop.CliTarget);

        Assert.False(sizes.Target.IsSimulator);
        Assert.Equal("aws --region eu-west-1 --profile workshop-profile ecs list-clusters", command);
    }

    [Fact]
    public async Task The_execution_role_is_created_when_missing_trusting_ecs_tasks_with_the_managed_policy_and_tagged()
    {
        var (workshop, _) = await ConnectAsync();
        await using var __ = workshop;

        var arn = await workshop.Prerequisites.EnsureExecutionRoleAsync(CancellationToken.None);
        var again = await workshop.Prerequisites.EnsureExecutionRoleAsync(CancellationToken.None);

        Assert.Equal("arn:aws:iam::123456789012:role/ecsTaskExecutionRole", arn);
        Assert.Equal(arn, again);
        var role = await workshop.Aws.Iam.GetRoleAsync(Workshop.ExecutionRoleName);
        Assert.Contains("ecs-tasks.amazonaws.com", role.AssumeRolePolicyDocument);
        Assert.Contains(new IamTag("ecs-workshop:session", workshop.SessionId), role.Tags!);
        var policies = new List<AttachedPolicy>();
        await foreach (var policy in workshop.Aws.Iam.ListAllAttachedRolePoliciesAsync(Workshop.ExecutionRoleName)) policies.Add(policy);
        Assert.Contains(policies, p => p.PolicyArn == IamPolicies.AmazonEcsTaskExecutionRolePolicyArn);
    }

    [Fact]
    public async Task The_default_network_is_the_default_vpcs_subnets_and_a_security_group_of_the_sessions_own_never_the_default_group()
    {
        var (workshop, _) = await ConnectAsync();
        await using var __ = workshop;

        var (subnets, groups) = await workshop.Networks.DefaultNetworkAsync(CancellationToken.None);
        var (_, again) = await workshop.Networks.DefaultNetworkAsync(CancellationToken.None);

        var vpc = await workshop.Aws.Ec2.FindDefaultVpcAsync();
        Assert.NotEmpty(subnets);
        Assert.All(subnets, s => Assert.StartsWith("subnet-", s));
        var group = Assert.Single(groups);
        Assert.Equal(groups, again);
        Assert.NotEqual((await workshop.Aws.Ec2.FindDefaultSecurityGroupAsync(vpc!.VpcId!))!.GroupId, group);
        using var described = await MotoCli.RunAsync(moto.Moto.Endpoint, "ec2", "describe-security-groups", "--group-ids", group);
        var shown = described.RootElement.GetProperty("SecurityGroups")[0];
        Assert.Equal($"ecs-workshop-{workshop.SessionId}-tasks", shown.GetProperty("GroupName").GetString());
        Assert.Contains(shown.GetProperty("IpPermissions").EnumerateArray(), r => r.GetProperty("FromPort").GetInt32() == 80
            && r.GetProperty("IpRanges").EnumerateArray().Any(i => i.GetProperty("CidrIp").GetString() == "0.0.0.0/0"));
        Assert.Contains(shown.GetProperty("Tags").EnumerateArray(), t => t.GetProperty("Key").GetString() == "ecs-workshop:session"
            && t.GetProperty("Value").GetString() == workshop.SessionId);
    }

    [Fact]
    public async Task Without_docker_or_a_dotnet_project_building_for_aws_is_a_japanese_error()
    {
        var (workshop, _) = await ConnectAsync(new Uri("unix:///nonexistent/docker.sock"));
        await using var __ = workshop;

        var error = await Assert.ThrowsAsync<WorkshopStepException>(() => workshop.BuildImageAsync(BuildContexts.Small(), "app"));

        Assert.Equal("イメージをビルドする方法がありません", error.Explanation.Title.ToString());
        Assert.Contains("Docker", error.Message);
    }
}
