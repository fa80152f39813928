using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Server;

public sealed class LoopbackBindingTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    [Fact]
    public void The_simulator_listens_on_127_0_0_1_unless_told_otherwise()
    {
        Assert.Equal("127.0.0.1", new SimulatorOptions().Host);
        Assert.Equal("127.0.0.1", simulator.Server.Endpoint.Host);
    }

    [Fact]
    public void The_listening_socket_is_bound_to_127_0_0_1_and_not_to_every_address()
    {
        var port = simulator.Server.Endpoint.Port;

        var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(l => l.Port == port).ToList();

        Assert.NotEmpty(listeners);
        Assert.All(listeners, l => Assert.Equal(IPAddress.Loopback, l.Address));
    }

    [Fact]
    public async Task Another_loopback_address_is_not_answered()
    {
        // 127.0.0.2 reaches this machine too: a server bound to every address would accept it.
        using var client = new TcpClient();

        var refused = await Assert.ThrowsAnyAsync<SocketException>(() =>
            client.ConnectAsync(IPAddress.Parse("127.0.0.2"), simulator.Server.Endpoint.Port));

        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
