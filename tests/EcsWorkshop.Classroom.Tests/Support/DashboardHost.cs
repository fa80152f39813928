using EcsWorkshop.Simulator.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Classroom.Tests.Support;

/// <summary>
/// A real Kestrel server on a loopback port serving only what the contract hands the dashboard
/// (<see cref="ClassroomOptions.MapHostEndpoints"/> with the learners' accounts), as the room's server maps it.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardHost(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<DashboardHost> StartAsync(ClassroomOptions options, IReadOnlyList<LearnerAccount> accounts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        var app = builder.Build();
        options.MapHostEndpoints!(app, accounts);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardHost(app, new Uri(address));
    }

    /// <summary>Stops the server as Ctrl+C does (open requests get up to 30 s to end), and returns how long that took.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await _app.StopAsync();
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
