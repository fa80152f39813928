using EcsWorkshop.Simulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace EcsWorkshop.Simulator.Tests.Server;

/// <summary>
/// A host of the simulator (the server, a listener) takes no inotify instance: a classroom starts hundreds of them, and
/// Linux allows 128 per user by default.
/// </summary>
public sealed class ConfigurationWatchTests
{
    [Fact]
    public async Task Starting_simulator_hosts_takes_no_inotify_instance()
    {
        if (!OperatingSystem.IsLinux()) return;
        var before = InotifyInstances();
        var apps = new List<WebApplication>();
        for (var i = 0; i < 5; i++)
        {
            var builder = WebHosts.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            await app.StartAsync();
            apps.Add(app);
        }

        var during = InotifyInstances();
        foreach (var app in apps) await app.DisposeAsync();

        Assert.True(during <= before, $"{during - before} inotify instances taken by 5 hosts");
    }

    [Fact]
    public async Task The_default_slim_builder_would_take_one_per_host_which_is_why_the_simulator_does_not_use_it()
    {
        if (!OperatingSystem.IsLinux()) return;
        var before = InotifyInstances();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        await app.StartAsync();

        Assert.True(InotifyInstances() > before);
    }

    private static int InotifyInstances() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget is "anon_inode:inotify");
}
