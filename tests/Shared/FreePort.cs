using System.Net;
using System.Net.Sockets;

namespace EcsWorkshop.TestSupport;

/// <summary>
/// A loopback port nothing listens on, for a test that must name a port before anything listens on it (a connection
/// card printed before its room starts, a port a check should find free, an address nobody answers). Another program
/// can take the port between this answer and its use: a server the test starts itself should rather listen on port 0
/// and be asked which port it got. Linked into every test project and the bench that need it.
/// </summary>
public static class FreePort
{
    /// <summary>A port nothing listens on right now (the kernel picks it).</summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
