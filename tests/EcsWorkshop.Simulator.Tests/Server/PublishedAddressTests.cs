using System.Net;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Simulator.Tests.Server;

/// <summary>
/// Listeners and task ports are published where the server itself listens: loopback by default, the room's address when
/// a classroom is served on the LAN (decided here; tests bind loopback only).
/// </summary>
public sealed class PublishedAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void A_server_on_loopback_publishes_on_127_0_0_1(string host)
    {
        var published = PublishedAddress.For(host);

        Assert.Equal(IPAddress.Loopback, published.Bind);
        Assert.Equal("127.0.0.1", published.DockerHostIp);
        Assert.Equal("http://127.0.0.1:8080", published.Url(8080));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void A_server_on_every_address_publishes_on_every_address_and_lists_urls_as_seen_on_its_machine(string host)
    {
        var published = PublishedAddress.For(host);

        Assert.Equal(IPAddress.Parse(host), published.Bind);
        Assert.Equal("0.0.0.0", published.DockerHostIp);
        Assert.Equal("http://127.0.0.1:32768", published.Url(32768));
    }

    [Fact]
    public void A_server_on_a_lan_address_publishes_on_it_and_lists_it()
    {
        var published = PublishedAddress.For("192.168.10.20");

        Assert.Equal("192.168.10.20", published.DockerHostIp);
        Assert.Equal("http://192.168.10.20:80", published.Url(80));
    }
}
