using System.Net;
using System.Net.Sockets;
using EcsWorkshop.Sessions;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Storage;
using EcsWorkshop.TestSupport;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Sessions;

public sealed class StartLogicTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public async Task The_probe_finds_a_running_simulator_and_starts_none()
    {
        var located = await SimulatorLocator.LocateAsync(new SimulatorLocation { Port = simulator.Server.Endpoint.Port, Environment = NoEnvironment });

        Assert.Null(located.OwnedServer);
        Assert.Equal(simulator.Server.Endpoint.Port, located.Endpoint.Port);
    }

    [Fact]
    public async Task The_endpoint_in_the_environment_variable_wins_over_the_probe()
    {
        var named = "http://127.0.0.1:" + simulator.Server.Endpoint.Port;

        var located = await SimulatorLocator.LocateAsync(new SimulatorLocation
        {
            Port = FreePort.Pick(),
            Environment = name => name == SimulatorLocation.EndpointVariable ? named : null,
        });

        Assert.Equal(new Uri(named), located.Endpoint);
        Assert.Null(located.OwnedServer);
    }

    [Fact]
    public async Task With_nothing_answering_a_simulator_is_started_in_process_on_the_state_directory()
    {
        var state = Directory.CreateTempSubdirectory("ecs-workshop-start-").FullName;
        var located = await SimulatorLocator.LocateAsync(new SimulatorLocation { Port = FreePort.Pick(), StateDirectory = state, Environment = NoEnvironment });
        await using var workshop = Workshop.ConnectTo(located, new WorkshopOptions { ProgressOutput = null });

        Assert.NotNull(located.OwnedServer);
        Assert.Equal(SimulatorLocator.ProbeResult.Simulator, await SimulatorLocator.ProbeAsync(located.Endpoint));
        Assert.True(File.Exists(Path.Combine(state, "state.db")));
        Assert.Equal("ACTIVE", (await workshop.CreateClusterAsync("fargate-cluster")).Value.Status);
    }

    [Fact]
    public async Task A_state_directory_held_by_another_process_means_probing_until_that_one_answers()
    {
        var state = Directory.CreateTempSubdirectory("ecs-workshop-held-").FullName;
        var port = FreePort.Pick();
        using var held = StateStore.Open(state);
        var location = new SimulatorLocation { Port = port, StateDirectory = state, Environment = NoEnvironment };
        var locating = SimulatorLocator.LocateAsync(location);
        await Task.Delay(500);
        await using var other = await SimulatorServer.StartAsync(new SimulatorOptions { Port = port, StateDirectory = null });

        var located = await locating;

        Assert.Null(located.OwnedServer);
        Assert.Equal(port, located.Endpoint.Port);
    }

    [Fact]
    public async Task A_port_taken_by_something_else_is_a_clear_japanese_error()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AnswerWithNotFoundAsync(listener);

        var error = await Assert.ThrowsAsync<WorkshopStartException>(() => SimulatorLocator.LocateAsync(new SimulatorLocation
        {
            Port = port,
            StateDirectory = Directory.CreateTempSubdirectory("ecs-workshop-taken-").FullName,
            Environment = NoEnvironment,
        }));

        Assert.Contains($"ポート {port} はシミュレーターではない別のプログラム", error.Message);
    }

    private static async Task AnswerWithNotFoundAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                var buffer = new byte[4096];
                _ = await stream.ReadAsync(buffer);
                await stream.WriteAsync("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
        }
    }
}
