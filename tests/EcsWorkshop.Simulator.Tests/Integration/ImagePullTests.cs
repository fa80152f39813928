using System.Text;
using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Tests.Support;
using EcsWorkshop.Simulator.Tests.TaskDefinitions;

namespace EcsWorkshop.Simulator.Tests.Integration;

/// <summary>Tasks pull their images from the simulated ECR: a missing image fails the way ECS fails.</summary>
public sealed class ImagePullTests : IDisposable
{
    private const string ExecutionRole = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
    private readonly SimulatedWorld _world = SimulatedWorld.WithEcrAndLogs();

    private string RunWithImage(string image)
    {
        var request = TaskDefinitionSamples.Fargate("app");
        request["executionRoleArn"] = ExecutionRole;
        request.Web()["image"] = image;
        _world.Register(request);
        _world.Ecs("CreateCluster", new { clusterName = TaskTestSupport.Cluster });
        return _world.RunFargateTask("app");
    }

    /// <summary>Stores an image in the simulated ECR the way a push would, and returns its digest.</summary>
    private string PushImage(string repository, string tag)
    {
        var layout = TestOciLayout.Create(repository + tag);
        var ecr = _world.EcrEngine!;
        _world.Ecr("CreateRepository", new { repositoryName = repository });
        var arns = new EcrArns(SimulatedWorld.Region, "123456789012");
        ecr.Blobs.Put(layout.Layer);
        ecr.Blobs.Put(layout.Config);
        ecr.Mutate(tx =>
        {
            var repo = RepositoryQueries.Require(tx.World, arns, repository);
            repo = RepositoryCommands.LinkBlob(tx, repo, layout.LayerDigest);
            return RepositoryCommands.LinkBlob(tx, repo, layout.ConfigDigest);
        });
        _world.Ecr("PutImage", new { repositoryName = repository, imageTag = tag, imageManifest = Encoding.UTF8.GetString(layout.Manifest) });
        return layout.ManifestDigest;
    }

    [Fact]
    public void A_task_whose_image_is_not_in_ecr_stops_with_CannotPullContainerError()
    {
        _world.Ecr("CreateRepository", new { repositoryName = "sample-app" });
        var task = RunWithImage($"{SimulatedWorld.RegistryHost}/sample-app:latest");

        var history = _world.WatchStatuses(task, TimeSpan.FromMinutes(2)).Select(s => s.Status).ToList();

        Assert.DoesNotContain("RUNNING", history);
        var described = _world.DescribeTask(task);
        Assert.Equal("STOPPED", described.GetProperty("lastStatus").GetString());
        Assert.Equal("TaskFailedToStart", described.GetProperty("stopCode").GetString());
        var reason = described.GetProperty("stoppedReason").GetString();
        Assert.Equal($"CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref {SimulatedWorld.RegistryHost}/sample-app:latest: {SimulatedWorld.RegistryHost}/sample-app:latest: not found", reason);
        Assert.Equal(reason, described.GetProperty("containers")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void A_task_whose_image_is_in_ecr_runs_with_the_image_digest()
    {
        var digest = PushImage("sample-app", "v1");
        var task = RunWithImage($"{SimulatedWorld.RegistryHost}/sample-app:v1");

        _world.Advance(TimeSpan.FromMinutes(1));

        var described = _world.DescribeTask(task);
        Assert.Equal("RUNNING", described.GetProperty("lastStatus").GetString());
        Assert.Equal(digest, described.GetProperty("containers")[0].GetProperty("imageDigest").GetString());
    }

    [Fact]
    public void The_real_ecr_host_name_of_the_simulated_account_means_the_simulated_ecr()
    {
        var digest = PushImage("named-app", "v1");
        var task = RunWithImage($"123456789012.dkr.ecr.{SimulatedWorld.Region}.amazonaws.com/named-app:v1");

        _world.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(digest, _world.DescribeTask(task).GetProperty("containers")[0].GetProperty("imageDigest").GetString());
    }

    [Fact]
    public void An_image_pinned_by_a_digest_that_is_not_in_ecr_fails_to_pull()
    {
        PushImage("pinned-app", "v1");
        var task = RunWithImage($"{SimulatedWorld.RegistryHost}/pinned-app@sha256:{new string('a', 64)}");

        _world.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("TaskFailedToStart", _world.DescribeTask(task).GetProperty("stopCode").GetString());
    }

    [Fact]
    public void Images_from_other_registries_are_taken_as_public_and_run_without_a_known_digest()
    {
        var task = RunWithImage("public.ecr.aws/nginx/nginx:latest");

        _world.Advance(TimeSpan.FromMinutes(1));

        var container = _world.DescribeTask(task).GetProperty("containers")[0];
        Assert.Equal("RUNNING", container.GetProperty("lastStatus").GetString());
        Assert.False(container.TryGetProperty("imageDigest", out _));
    }

    [Fact]
    public void An_image_reference_docker_cannot_read_fails_to_pull()
    {
        var task = RunWithImage("localhost:4566/Sample App:latest");

        _world.Advance(TimeSpan.FromMinutes(1));

        var described = _world.DescribeTask(task);
        Assert.Equal("TaskFailedToStart", described.GetProperty("stopCode").GetString());
        Assert.Equal("CannotPullContainerError: invalid reference format: localhost:4566/Sample App:latest", described.GetProperty("stoppedReason").GetString());
    }

    public void Dispose() => _world.Dispose();
}
