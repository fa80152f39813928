using System.Globalization;
using Docker.DotNet.Models;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Docker;

/// <summary>Images come from the simulated ECR by digest, with an ECR token; a pull that fails stops the task as ECS does.</summary>
[Collection(DockerCollection.Name)]
public sealed class ImagePullTests : IAsyncLifetime
{
    private readonly DockerSimulator _simulator = new();

    [Fact]
    public async Task An_image_pushed_to_the_simulated_ECR_runs_by_its_digest()
    {
        var registry = $"localhost:{_simulator.Server.Endpoint.Port.ToString(CultureInfo.InvariantCulture)}";
        (await _simulator.Cli.RunAsync("ecr", "create-repository", "--repository-name", "sample-web")).Succeeded();
        var password = (await _simulator.Cli.RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();
        await _simulator.Docker.Images.TagImageAsync(DockerEngine.BaseImage, new ImageTagParameters { RepositoryName = $"{registry}/sample-web", Tag = "v1" });
        await _simulator.Docker.Images.PushImageAsync($"{registry}/sample-web", new ImagePushParameters { Tag = "v1" },
            new AuthConfig { Username = "AWS", Password = password, ServerAddress = registry }, new Progress<JSONMessage>());
        var digest = (await _simulator.Cli.RunAsync("ecr", "describe-images", "--repository-name", "sample-web")).Succeeded()
            .Json.GetProperty("imageDetails")[0].GetProperty("imageDigest").GetString()!;
        await _simulator.RegisterAsync("pushed", $$$"""
            {"name":"web","image":"{{{registry}}}/sample-web:v1","essential":true,"command":["sleep","300"],"linuxParameters":{"initProcessEnabled":true}}
            """);

        var arn = await _simulator.RunTaskAsync("pushed");
        await _simulator.WaitForTaskAsync(arn, t => t.LastStatus == EcsTaskStatus.Running, "RUNNING");

        var container = (await _simulator.DescribeAsync(arn)).GetProperty("containers")[0];
        Assert.Equal(digest, container.GetProperty("imageDigest").GetString());
        var inspect = await _simulator.Docker.Containers.InspectContainerAsync(container.GetProperty("runtimeId").GetString()!);
        Assert.Equal($"{registry}/sample-web@{digest}", inspect.Config!.Image);
        await _simulator.Docker.Images.DeleteImageAsync($"{registry}/sample-web:v1", new ImageDeleteParameters());
    }

    [Fact]
    public async Task A_missing_tag_in_the_simulated_ECR_stops_the_task_with_CannotPullContainerError()
    {
        var registry = $"localhost:{_simulator.Server.Endpoint.Port.ToString(CultureInfo.InvariantCulture)}";
        (await _simulator.Cli.RunAsync("ecr", "create-repository", "--repository-name", "empty")).Succeeded();
        await _simulator.RegisterAsync("missing", $$"""{"name":"web","image":"{{registry}}/empty:nope","essential":true}""");

        var arn = await _simulator.RunTaskAsync("missing");
        await _simulator.WaitForTaskAsync(arn, t => t.LastStatus == EcsTaskStatus.Stopped, "STOPPED");

        var task = await _simulator.DescribeAsync(arn);
        Assert.Equal("TaskFailedToStart", task.Text("stopCode"));
        Assert.StartsWith("CannotPullContainerError: ", task.Text("stoppedReason"));
        Assert.Contains("empty:nope", task.Text("stoppedReason"));
    }

    [Fact]
    public async Task An_image_the_engine_cannot_pull_stops_the_task_with_the_engine_s_own_error()
    {
        var unreachable = $"127.0.0.1:{FreePort.Pick().ToString(CultureInfo.InvariantCulture)}/nothing/here:missing";
        await _simulator.RegisterAsync("unpullable", $$"""{"name":"web","image":"{{unreachable}}","essential":true}""");

        var arn = await _simulator.RunTaskAsync("unpullable");
        await _simulator.WaitForTaskAsync(arn, t => t.LastStatus == EcsTaskStatus.Stopped, "STOPPED");

        var task = await _simulator.DescribeAsync(arn);
        Assert.Equal("TaskFailedToStart", task.Text("stopCode"));
        var reason = task.Text("stoppedReason")!;
        Assert.StartsWith("CannotPullContainerError: ", reason);
        Assert.Contains("127.0.0.1", reason);
        Assert.Equal(reason, task.GetProperty("containers")[0].GetProperty("reason").GetString());
    }

    public Task InitializeAsync() => _simulator.InitializeAsync();

    public Task DisposeAsync() => _simulator.DisposeAsync();
}
