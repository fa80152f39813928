using System.Net;
using EcsWorkshop.Simulator.Elbv2.Domain;
using EcsWorkshop.Simulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace EcsWorkshop.Simulator.Elbv2.DataPlane;

/// <summary>A listener as it really listens: its ARN, its load balancer's name, its port in the API, and its loopback URL.</summary>
public sealed record ListenerEndpoint(string ListenerArn, string LoadBalancerName, int Port, string Url);

/// <summary>
/// The ALB data plane: every listener of the simulated ELBv2 is a real HTTP listener on 127.0.0.1, or on the server's own
/// address when it listens on another (<see cref="Hosting.PublishedAddress"/>), (on its own port
/// when that is free, else on a free one), forwarding each request with YARP to a target of its target group
/// (<see cref="TargetSelection"/>), with the ALB's <c>X-Forwarded-*</c> headers; 503 when no target is registered.
/// With the Docker runtime it also runs the target groups' health checks (<see cref="TargetHealthChecks"/>).
/// Listeners come and go with the API: the server's listener loop looks at every account's world every
/// <see cref="Poll"/> (<see cref="RefreshAsync"/>).
/// </summary>
public sealed class ListenerProxies(Elbv2Engine elbv2, ITargetAddresses addresses, bool checksTargets, ILogger<ListenerProxies>? logger = null,
    Hosting.PublishedAddress? published = null)
    : IAsyncDisposable
{
    /// <summary>How often the listeners are brought up to date with the API.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, RunningListener> _running = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TargetSelection _selection = new();
    private readonly TargetHealthChecks _checks = new(elbv2, addresses);
    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    });

    private sealed record RunningListener(Listener Listener, WebApplication App, ListenerEndpoint Endpoint);

    /// <summary>Where the listeners listen (loopback unless the server listens on another address).</summary>
    public Hosting.PublishedAddress Published { get; } = published ?? Hosting.PublishedAddress.Loopback;

    /// <summary>The requests forwarded to each target group (for <c>ALBRequestCountPerTarget</c>).</summary>
    public TargetGroupRequestCounts Requests { get; } = new(elbv2.Time);

    /// <summary>The listeners listening now.</summary>
    public IReadOnlyList<ListenerEndpoint> Endpoints()
    {
        lock (_gate) return [.. _running.Values.Select(r => r.Endpoint).OrderBy(e => e.Url, StringComparer.Ordinal)];
    }

    /// <summary>
    /// One look at the world: starts the listeners the API added, stops the ones it deleted, and (with the Docker
    /// runtime) runs the health checks that are due. A failure is logged and tried again on the next look.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SyncAsync(cancellationToken).ConfigureAwait(false);
            if (checksTargets) _checks.RunDue(elbv2.World.Listeners.Values);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger?.LogWarning(e, "The load balancer listeners could not be brought up to date");
        }
    }

    /// <summary>Stops every listener.</summary>
    public async ValueTask DisposeAsync()
    {
        List<RunningListener> all;
        lock (_gate)
        {
            all = [.. _running.Values];
            _running.Clear();
        }
        foreach (var running in all) await running.App.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        var listeners = elbv2.World.Listeners;
        List<RunningListener> gone;
        lock (_gate) gone = [.. _running.Values.Where(r => !listeners.ContainsKey(r.Listener.Arn))];
        foreach (var running in gone)
        {
            lock (_gate) _running.Remove(running.Listener.Arn);
            await running.App.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var listener in listeners.Values)
        {
            lock (_gate)
            {
                if (_running.TryGetValue(listener.Arn, out var current))
                {
                    if (current.Listener != listener) _running[listener.Arn] = current with { Listener = listener };
                    continue;
                }
            }
            var started = await StartAsync(listener, cancellationToken).ConfigureAwait(false);
            lock (_gate) _running[listener.Arn] = started;
        }
    }

    private async Task<RunningListener> StartAsync(Listener listener, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = Build(listener, listener.Port);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The listener's own port is taken (or needs privileges): any free loopback port instead.
            app = Build(listener, 0);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var name = elbv2.World.LoadBalancers.GetValueOrDefault(listener.LoadBalancerArn)?.Name ?? "";
        return new RunningListener(listener, app, new ListenerEndpoint(listener.Arn, name, listener.Port, Published.Url(new Uri(address).Port)));
    }

    private WebApplication Build(Listener listener, int port)
    {
        var builder = WebHosts.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(Published.Bind, port));
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        var arn = listener.Arn;
        app.Run(http => HandleAsync(http, arn));
        return app;
    }

    private async Task HandleAsync(HttpContext http, string listenerArn)
    {
        Listener? listener;
        lock (_gate) listener = _running.GetValueOrDefault(listenerArn)?.Listener;
        var targetGroupArn = listener?.DefaultActions.FirstOrDefault(a => a.Type == "forward")?.TargetGroupArn;
        var target = targetGroupArn is null ? null : _selection.Next(elbv2, targetGroupArn);
        var address = target is null || listener is null ? null : addresses.Resolve(listener.Region, target.Id, target.Port);
        if (target is not null) Requests.Count(targetGroupArn!);
        switch (address)
        {
            case TargetAddress.StandIn standIn:
                var path = http.Request.Path.ToUriComponent() + http.Request.QueryString.ToUriComponent();
                var answer = elbv2.Context.SimulatedTargets?.Get(listener!.Region, target!.Id, target.Port, path) ?? new SimulatedAnswer(200);
                await StandInPage.WriteAsync(http, standIn, answer).ConfigureAwait(false);
                return;
            case TargetAddress.Loopback loopback:
                var forwarder = http.RequestServices.GetRequiredService<IHttpForwarder>();
                var error = await forwarder.SendAsync(http, loopback.Url.ToString(), _client, ForwarderRequestConfig.Empty, AlbForwardedHeaders.Instance).ConfigureAwait(false);
                if (error != ForwarderError.None && !http.Response.HasStarted) http.Response.StatusCode = StatusCodes.Status502BadGateway;
                return;
            default:
                // No registered target (or none that answers): the ALB's own 503.
                http.Response.StatusCode = target is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway;
                http.Response.ContentType = "text/html";
                await http.Response.WriteAsync(
                    $"<html><body><h1>{http.Response.StatusCode} {(target is null ? "Service Temporarily Unavailable" : "Bad Gateway")}</h1></body></html>",
                    http.RequestAborted).ConfigureAwait(false);
                return;
        }
    }
}
