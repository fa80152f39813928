using EcsWorkshop.Docker;

namespace EcsWorkshop.Tests.Docker;

/// <summary>
/// The URLs a simulator lists (task ports, listeners, as seen on its own machine) are opened from the learner's machine:
/// unchanged for a simulator here, through the room's host name for a classroom on another machine.
/// </summary>
public sealed class SimulatorUrlsTests
{
    [Fact]
    public void A_simulator_on_this_machine_keeps_the_listed_url()
    {
        var listed = new Uri("http://127.0.0.1:32768/");

        Assert.Equal(listed, SimulatorUrls.Reachable(new Uri("http://127.0.0.1:4566"), listed));
    }

    [Fact]
    public void A_room_on_another_machine_is_reached_at_the_same_port_through_its_host_name()
    {
        var reached = SimulatorUrls.Reachable(new Uri("http://host-pc:4566"), new Uri("http://127.0.0.1:32768/index.html?v=2"));

        Assert.Equal("http://host-pc:32768/index.html?v=2", reached.ToString());
    }

    [Fact]
    public void A_url_listed_on_a_lan_address_is_kept_as_listed()
    {
        var listed = new Uri("http://192.168.10.20:80/");

        Assert.Equal(listed, SimulatorUrls.Reachable(new Uri("http://192.168.10.20:4566"), listed));
    }
}
