using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Steps;

/// <summary>The deployment configuration the helper's service steps take, and the circuit breaker it turns on.</summary>
public sealed class DeploymentStepTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task A_service_created_with_deployment_settings_reports_them_and_names_them_in_the_cli_twin()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4" });

        var created = await workshop.CreateServiceAsync(cluster, "web", family, desiredCount: 2,
            deployment: new DeploymentSettings { MinimumHealthyPercent = 50, MaximumPercent = 150, CircuitBreaker = true, Rollback = true });

        Assert.Equal(new(50, 150, true, true), created.Value.DeploymentConfiguration);
        Assert.Contains(
            "--deployment-configuration 'maximumPercent=150,minimumHealthyPercent=50,deploymentCircuitBreaker={enable=true,rollback=true}'",
            created.CommandLine);
    }

    [Fact]
    public async Task Updating_only_the_circuit_breaker_keeps_the_percentages_and_starts_no_deployment()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4" });
        await workshop.CreateServiceAsync(cluster, "web", family);
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(30), cluster: cluster);

        var updated = await workshop.UpdateServiceAsync("web", deployment: new DeploymentSettings { CircuitBreaker = true, Rollback = true }, cluster: cluster);

        Assert.Equal(new(100, 200, true, true), updated.Value.DeploymentConfiguration);
        Assert.Single(updated.Value.Deployments);
    }

    [Fact]
    public async Task A_deployment_of_an_image_tag_that_does_not_exist_fails_and_rolls_back_by_itself_with_the_circuit_breaker_on()
    {
        var output = new StringWriter();
        await using var workshop = await simulator.NewWorkshopAsync(output);
        var cluster = Unique.Name("cluster");
        var family = Unique.Name("web");
        await workshop.CreateClusterAsync(cluster);
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4" });
        await workshop.CreateServiceAsync(cluster, "web", family, desiredCount: 2,
            deployment: new DeploymentSettings { CircuitBreaker = true, Rollback = true });
        await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(30), cluster: cluster);
        var repository = await workshop.CreateRepositoryAsync(Unique.Name("repo"));
        var missing = await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = repository.Value.Uri + ":v9" });

        await workshop.DeployAsync("web", missing.Value.FamilyRevision, cluster);
        var steady = await workshop.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(90), cluster: cluster);

        Assert.EndsWith($"{family}:1", steady.Value.TaskDefinition);
        var events = (await workshop.DescribeServiceAsync("web", cluster)).Value.Events.Select(e => e.Message).ToList();
        Assert.Contains(events, e => e.Contains("deployment failed: tasks failed to start.", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Contains("rolling back to deployment", StringComparison.Ordinal));
        Assert.Contains($"{family}:2 のデプロイは FAILED", output.ToString());
    }
}
