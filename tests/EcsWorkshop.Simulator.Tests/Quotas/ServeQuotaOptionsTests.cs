using System.Globalization;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Quotas;

/// <summary>
/// <c>workshop serve</c>'s quota options: a learner's own simulator has no limits unless asked; an option sets one,
/// the banner names it, and the AWS CLI meets it; a negative number is refused with a clear message.
/// </summary>
public sealed class ServeQuotaOptionsTests : IDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("ecs-workshop-quota-serve-").FullName;

    [Fact]
    public async Task Max_services_given_to_serve_is_announced_and_enforced()
    {
        using var server = WorkshopProcess.Start("serve", "--port", "0", "--state-dir", _stateDirectory,
            "--runtime", "simulated", "--max-services", "1");
        var endpoint = await server.WaitForEndpointAsync();
        var aws = new AwsCli(endpoint);
        (await aws.RunAsync("ecs", "create-cluster", "--cluster-name", "workshop")).Succeeded();
        (await aws.RunAsync("ecs", "register-task-definition", "--family", "web", "--requires-compatibilities", "FARGATE", "--network-mode", "awsvpc",
            "--cpu", "256", "--memory", "512", "--container-definitions", """[{"name":"web","image":"public.ecr.aws/nginx/nginx:latest","essential":true}]""")).Succeeded();
        string[] Service(string name) => ["ecs", "create-service", "--cluster", "workshop", "--service-name", name, "--task-definition", "web",
            "--desired-count", "0", "--launch-type", "FARGATE", "--network-configuration", "awsvpcConfiguration={subnets=[subnet-abcd1234]}"];
        (await aws.RunAsync(Service("first"))).Succeeded();

        var error = await aws.FailsAsync("LimitExceededException", Service("second"));

        Assert.Contains("This account can have at most 1 services.", error);
        Assert.Contains("Quotas per learner: services 1; room memory: no budget", await BannerAsync(server));
    }

    [Fact]
    public async Task Without_a_classroom_or_a_quota_option_serve_announces_no_quotas()
    {
        using var server = WorkshopProcess.Start("serve", "--port", "0", "--state-dir", _stateDirectory, "--runtime", "simulated");
        await server.WaitForEndpointAsync();

        var banner = await BannerAsync(server);
        Assert.Contains("listening", banner);
        Assert.DoesNotContain("Quotas per learner", banner);
    }

    [Fact]
    public async Task A_negative_quota_is_refused_with_a_clear_message()
    {
        var result = await WorkshopProcess.RunAsync("serve", "--max-tasks", "-1", "--port", "0",
            "--state-dir", _stateDirectory, "--runtime", "simulated");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--max-tasks must be 0 (no limit) or more, not -1.", result.StandardError);
        Assert.DoesNotContain("listening", result.StandardOutput);
    }

    /// <summary>What serve printed once its banner ends with the "Try:" line (waits at most 30 s).</summary>
    private static async Task<string> BannerAsync(WorkshopProcess server)
    {
        for (var waited = 0; waited < 300 && !server.Printed.Contains("Try: ", StringComparison.Ordinal); waited++) await Task.Delay(100);
        return server.Printed;
    }

    public void Dispose() => Directory.Delete(_stateDirectory, recursive: true);
}
