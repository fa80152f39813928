using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>
/// Where the server publishes what a learner opens in a browser — the load balancers' listeners and the task containers'
/// ports — and the host name in the URLs it lists for them. On loopback, unless the server itself listens elsewhere:
/// a classroom served on the LAN (<c>workshop serve --classroom … --host 0.0.0.0</c>) publishes them on the same
/// address, so a learner on another machine opens their own app through the room's address.
/// </summary>
/// <param name="Bind">The address listeners and published container ports bind to.</param>
/// <param name="UrlHost">The host in the listed URLs, as seen from the server's machine (127.0.0.1 for a wildcard bind).</param>
public sealed record PublishedAddress(IPAddress Bind, string UrlHost)
{
    /// <summary>127.0.0.1: only this machine reaches what is published (the default, and every test).</summary>
    public static PublishedAddress Loopback { get; } = new(IPAddress.Loopback, "127.0.0.1");

    /// <summary>What a server listening on <paramref name="serverHost"/> (its <c>--host</c>) publishes on.</summary>
    public static PublishedAddress For(string serverHost)
    {
        if (!IPAddress.TryParse(serverHost, out var address) || IPAddress.IsLoopback(address)) return Loopback;
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return new(address, Loopback.UrlHost);
        return new(address, address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString());
    }

    /// <summary>The address Docker publishes a container port on (<c>HostIP</c> of a port binding).</summary>
    public string DockerHostIp => Bind.Equals(IPAddress.IPv6Any) ? "0.0.0.0" : Bind.ToString();

    /// <summary>The URL of a port published here.</summary>
    public string Url(int port) => $"http://{UrlHost}:{port.ToString(CultureInfo.InvariantCulture)}";
}
