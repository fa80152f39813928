using System.Net;
using System.Net.Sockets;
using EcsWorkshop.Sessions;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Sessions;

/// <summary>The session belongs to the simulator's world: it is kept in the world's state folder when that is on this machine.</summary>
public sealed class SessionFileTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task A_local_simulator_tells_where_its_world_is_kept()
    {
        var folder = await SimulatorLocator.LocalStateDirectoryAsync(simulator.Server.Endpoint);

        Assert.Equal(Path.GetFullPath(simulator.StateDirectory), Path.GetFullPath(folder!));
    }

    [Fact]
    public async Task Nothing_listening_means_no_state_folder()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.Null(await SimulatorLocator.LocalStateDirectoryAsync(new Uri($"http://127.0.0.1:{port}")));
    }

    [Fact]
    public async Task Two_sessions_opened_on_the_same_world_share_one_session_id()
    {
        var file = Path.Combine(simulator.StateDirectory, Workshop.SimulatorSessionFileName);
        await using var first = await Workshop.ConnectToSimulatorAsync(simulator.Server.Endpoint, new WorkshopOptions { SessionFile = file, ProgressOutput = null });
        await using var second = await Workshop.ConnectToSimulatorAsync(simulator.Server.Endpoint, new WorkshopOptions { SessionFile = file, ProgressOutput = null });

        Assert.Equal(first.SessionId, second.SessionId);
        Assert.True(File.Exists(file));
    }
}
