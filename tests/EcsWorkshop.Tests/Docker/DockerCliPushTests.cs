using EcsWorkshop.Docker;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Docker;

/// <summary>
/// The seed's steps 1 and 2 with the real tools: <c>docker build</c>, <c>aws ecr get-login-password | docker login</c>,
/// <c>docker push</c> to the simulator's registry, and <c>docker pull</c> back by digest.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class DockerCliPushTests(SimulatorFixture simulator, DockerLabelFixture docker) : IClassFixture<SimulatorFixture>, IClassFixture<DockerLabelFixture>
{
    [Fact]
    public async Task An_image_built_with_docker_build_and_pushed_with_docker_push_comes_back_by_pull_with_the_same_digest()
    {
        await using var workshop = await Workshop.ConnectToSimulatorAsync(simulator.Server.Endpoint, new WorkshopOptions { ProgressOutput = null, DockerLabels = docker.Labels });
        await workshop.PrepareLocalBaseImageAsync();
        var repository = Unique.Name("sample-web");
        var uri = (await workshop.CreateRepositoryAsync(repository)).Value.Uri;
        var registry = uri[..uri.IndexOf('/')];
        var config = Directory.CreateTempSubdirectory("ecs-workshop-docker-config-").FullName;
        var environment = new Dictionary<string, string> { ["DOCKER_CONFIG"] = config };

        await Cli.DockerAsync("build", "-q", "--label", docker.Label, "--build-arg", $"{LocalBaseImage.BuildArgument}={LocalBaseImage.Reference}", "-t", $"{uri}:v1", RepositoryFolders.SampleWeb);
        var password = await Cli.RunAsync("/usr/bin/aws", ["ecr", "get-login-password", "--region", workshop.Region, "--endpoint-url", simulator.Server.Endpoint.ToString()],
            environment: new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test" });
        var login = await Cli.RunAsync("docker", ["login", "--username", "AWS", "--password-stdin", registry], password.Output.Trim(), environment);
        var push = await Cli.RunAsync("docker", ["push", $"{uri}:v1"], environment: environment);
        var ecrDigest = (await workshop.DescribeRepositoryAsync(repository)).Value.Images.Single().Digest;
        await Cli.DockerAsync("rmi", $"{uri}:v1");
        var pull = await Cli.RunAsync("docker", ["pull", $"{uri}@{ecrDigest}"], environment: environment);
        var pulledDigests = await Cli.DockerAsync("image", "inspect", "--format", "{{json .RepoDigests}}", $"{uri}@{ecrDigest}");
        Directory.Delete(config, recursive: true);

        Assert.True(password.ExitCode == 0, password.Error);
        Assert.True(login.ExitCode == 0, login.Error + login.Output);
        Assert.Contains("Login Succeeded", login.Output);
        Assert.True(push.ExitCode == 0, push.Error + push.Output);
        Assert.Contains($"v1: digest: {ecrDigest}", push.Output);
        Assert.True(pull.ExitCode == 0, pull.Error + pull.Output);
        Assert.Contains($"{uri}@{ecrDigest}", pulledDigests);
    }

    [Fact]
    public async Task Docker_push_without_login_is_refused_by_the_registry()
    {
        await using var workshop = await Workshop.ConnectToSimulatorAsync(simulator.Server.Endpoint, new WorkshopOptions { ProgressOutput = null, DockerLabels = docker.Labels });
        await workshop.PrepareLocalBaseImageAsync();
        var uri = (await workshop.CreateRepositoryAsync(Unique.Name("sample-web"))).Value.Uri;
        var config = Directory.CreateTempSubdirectory("ecs-workshop-docker-config-").FullName;

        await Cli.DockerAsync("build", "-q", "--label", docker.Label, "--build-arg", $"{LocalBaseImage.BuildArgument}={LocalBaseImage.Reference}", "-t", $"{uri}:v1", RepositoryFolders.SampleWeb);
        var push = await Cli.RunAsync("docker", ["push", $"{uri}:v1"], environment: new Dictionary<string, string> { ["DOCKER_CONFIG"] = config });
        Directory.Delete(config, recursive: true);

        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains("no basic auth credentials", push.Error + push.Output);
    }
}
