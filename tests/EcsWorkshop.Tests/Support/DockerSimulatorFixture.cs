using Docker.DotNet;
using Docker.DotNet.Models;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Runtime;
using EcsWorkshop.Simulator.Runtime.Docker;

namespace EcsWorkshop.Tests.Support;

/// <summary>
/// A real simulator in-process on the Docker runtime (the engine at <c>DOCKER_HOST</c>), with its own state folder. Its
/// task containers carry the runtime's labels; at the end it stops the server (which removes them) and fails if any
/// container of its own is left.
/// </summary>
public sealed class DockerSimulatorFixture : IAsyncLifetime
{
    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("ecs-workshop-lib-docker-").FullName;

    public SimulatorServer Server { get; private set; } = null!;

    private DockerClient? _docker;

    /// <summary>The image every test container runs: the runtime's own busybox (sh, sleep, head), made locally.</summary>
    public static string Image => BusyboxImage.Tag;

    public async Task InitializeAsync()
    {
        var endpoint = DockerEndpoint.FromEnvironment();
        _docker = await DockerEndpoint.TryConnectAsync(endpoint, CancellationToken.None);
        Assert.True(_docker is not null, $"No Docker engine answers at {endpoint}: set DOCKER_HOST (these tests run real containers).");
        Server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            StateDirectory = StateDirectory,
            Simulation = SimulationSettings.AtSpeed(20),
            TickInterval = TimeSpan.FromMilliseconds(50),
            Runtime = RuntimeChoice.Docker,
        });
    }

    /// <summary>A new session against this simulator, printing nothing.</summary>
    public Task<Workshop> NewWorkshopAsync() =>
        Workshop.ConnectToSimulatorAsync(Server.Endpoint, new WorkshopOptions { PollInterval = TimeSpan.FromMilliseconds(100) });

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        var left = new List<string>();
        if (_docker is not null)
        {
            var owned = await _docker.Containers.ListContainersAsync(new ContainersListParameters
            {
                All = true,
                Filters = WorkshopLabels.OwnedBy(Path.GetFullPath(StateDirectory)),
            });
            foreach (var container in owned)
            {
                left.Add($"{string.Join(",", container.Names ?? [])} ({container.State})");
                await _docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
            }
            _docker.Dispose();
        }
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        Assert.True(left.Count == 0, $"Containers left behind: {string.Join(", ", left)}");
    }
}
