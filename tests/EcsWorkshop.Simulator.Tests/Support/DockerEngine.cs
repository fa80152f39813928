using Docker.DotNet;
using Docker.DotNet.Models;
using EcsWorkshop.Simulator.Runtime.Docker;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>
/// The Docker engine the real-container tests need (./test.sh starts one when none answers), and the test base image:
/// made here with no internet, <c>FROM scratch</c> plus Debian's static busybox, built through the engine API.
/// </summary>
public static class DockerEngine
{
    /// <summary>The base image every Docker test runs (sh, httpd, wget, sleep from busybox).</summary>
    public const string BaseImage = "ecs-workshop-test/busybox:1";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _built;

    /// <summary>A client for the engine, or a failed test that says how to get one.</summary>
    public static async Task<DockerClient> RequireAsync()
    {
        var endpoint = DockerEndpoint.FromEnvironment();
        var client = await DockerEndpoint.TryConnectAsync(endpoint, CancellationToken.None);
        Assert.True(client is not null,
            $"No Docker engine answers at {endpoint}. These tests run real containers: run them with ./test.sh (it starts an engine), or set DOCKER_HOST.");
        await Gate.WaitAsync();
        try
        {
            if (!_built && !await BusyboxImage.ExistsAsync(client, BaseImage, CancellationToken.None))
                await BusyboxImage.BuildAsync(client, BaseImage, new Dictionary<string, string> { ["ecs-workshop.test"] = "base" }, CancellationToken.None);
            _built = true;
        }
        finally
        {
            Gate.Release();
        }
        return client;
    }

    /// <summary>The containers (running or not) a simulator with this state folder owns.</summary>
    public static async Task<IList<ContainerListResponse>> ContainersOfAsync(IDockerClient client, string stateDirectory) =>
        await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = WorkshopLabels.OwnedBy(Path.GetFullPath(stateDirectory)),
        });

    /// <summary>Removes whatever a test left (so one failure does not leak into the next), returning what it found.</summary>
    public static async Task<List<string>> RemoveLeftoversAsync(IDockerClient client, string stateDirectory)
    {
        var left = await ContainersOfAsync(client, stateDirectory);
        foreach (var container in left)
            await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        return [.. left.Select(c => $"{string.Join(",", c.Names ?? [])} ({c.State})")];
    }
}
