using System.Net;
using System.Net.Sockets;

namespace EcsWorkshop.Bench.Processes;

/// <summary>Free loopback ports for the servers the bench starts.</summary>
public static class FreePort
{
    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
