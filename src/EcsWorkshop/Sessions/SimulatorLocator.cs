using System.Net.Sockets;
using System.Text.Json;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Storage;
using EcsWorkshop.Waiting;

namespace EcsWorkshop.Sessions;

/// <summary>Where to look for a simulator, and where to start one when none answers.</summary>
public sealed record SimulatorLocation
{
    /// <summary>The environment variable a <c>workshop run</c> host sets to its simulator's URL.</summary>
    public const string EndpointVariable = "ECS_WORKSHOP_ENDPOINT";

    /// <summary>The address probed and, if nothing answers, listened on.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port probed and, if nothing answers, listened on.</summary>
    public int Port { get; init; } = SimulatorOptions.DefaultPort;

    /// <summary>The state directory of a simulator started in-process (shared by every notebook).</summary>
    public string StateDirectory { get; init; } = SimulatorOptions.DefaultStateDirectory;

    /// <summary>The speed of a simulator started in-process.</summary>
    public SimulationSettings Simulation { get; init; } = SimulationSettings.Realistic;

    /// <summary>Reads environment variables (a fake in tests).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The clock the probing waits on (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long to keep probing when another process holds the state directory (it is starting up).</summary>
    public TimeSpan WaitForOtherProcess { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The URL probed: <c>http://HOST:PORT</c>.</summary>
    public Uri DefaultEndpoint => new($"http://{Host}:{Port}");
}

/// <summary>A simulator that was found (or started here, then <see cref="OwnedServer"/> is set).</summary>
/// <param name="Endpoint">Where it answers.</param>
/// <param name="OwnedServer">The server started in this process, or null when another process serves.</param>
/// <param name="How">How it was found, in Japanese.</param>
public sealed record LocatedSimulator(Uri Endpoint, SimulatorServer? OwnedServer, string How);

/// <summary>
/// Finds the simulator the way a notebook should: the endpoint a host named in <c>ECS_WORKSHOP_ENDPOINT</c>; else a
/// simulator already answering on 127.0.0.1:4566; else one started in this process on the shared state directory.
/// When another process holds that directory, it is the one serving: probe again until it answers.
/// </summary>
public static class SimulatorLocator
{
    /// <summary>Finds or starts the simulator.</summary>
    public static async Task<LocatedSimulator> LocateAsync(SimulatorLocation location, CancellationToken cancellationToken = default)
    {
        if (location.Environment(SimulatorLocation.EndpointVariable) is { Length: > 0 } named)
        {
            if (!Uri.TryCreate(named, UriKind.Absolute, out var uri))
                throw new WorkshopStartException($"環境変数 {SimulatorLocation.EndpointVariable} の値 `{named}` は URL として読めません。`http://127.0.0.1:4566` の形にしてください。");
            return new LocatedSimulator(uri, null, $"環境変数 {SimulatorLocation.EndpointVariable} が指すシミュレーター ({uri}) を使います。");
        }

        var endpoint = location.DefaultEndpoint;
        var probe = await ProbeAsync(endpoint, cancellationToken).ConfigureAwait(false);
        if (probe == ProbeResult.Simulator)
            return new LocatedSimulator(endpoint, null, $"{endpoint} で動いているシミュレーターを使います。");

        try
        {
            var server = await SimulatorServer.StartAsync(new SimulatorOptions
            {
                Host = location.Host,
                Port = location.Port,
                StateDirectory = location.StateDirectory,
                Simulation = location.Simulation,
            }, cancellationToken).ConfigureAwait(false);
            return new LocatedSimulator(server.Endpoint, server, $"シミュレーターをこのプロセスで起動しました ({server.Endpoint}、状態の保存先 {location.StateDirectory})。");
        }
        catch (StateDirectoryInUseException)
        {
            // Another process owns the world: it serves (or is about to). Ask it.
            var waiter = new Waiter(location.Time, TimeSpan.FromMilliseconds(200), location.WaitForOtherProcess);
            var answer = await waiter.UntilAsync(ct => ProbeAsync(endpoint, ct), probed => probed == ProbeResult.Simulator, null, cancellationToken).ConfigureAwait(false);
            if (answer.Reached)
                return new LocatedSimulator(endpoint, null, $"別のプロセスが起動したシミュレーター ({endpoint}) を使います。");
            throw new WorkshopStartException(
                $"状態の保存先 {location.StateDirectory} は別のプロセスのシミュレーターが使っていますが、{endpoint} で応答しません。"
                + "そのプロセス (別のノートブックや `workshop serve`) を止めてから、もう一度実行してください。");
        }
        catch (IOException e) when (IsAddressInUse(e))
        {
            if (await ProbeAsync(endpoint, cancellationToken).ConfigureAwait(false) == ProbeResult.Simulator)
                return new LocatedSimulator(endpoint, null, $"{endpoint} で動いているシミュレーターを使います。");
            throw new WorkshopStartException(
                $"ポート {location.Port} はシミュレーターではない別のプログラムが使っています ({endpoint} の {SimulatorServer.HealthPath} がシミュレーターとして応答しません)。"
                + $"そのプログラムを止めるか、`workshop serve --port 別の番号` でシミュレーターを起動して環境変数 {SimulatorLocation.EndpointVariable} にその URL を設定してください。", e);
        }
    }

    /// <summary>What answers at an endpoint.</summary>
    public enum ProbeResult
    {
        /// <summary>Nothing listens.</summary>
        Nothing,

        /// <summary>The workshop's simulator (its health path answers 200 with status ok).</summary>
        Simulator,

        /// <summary>Something else.</summary>
        SomethingElse,
    }

    /// <summary>
    /// The folder a simulator keeps its world in, as its <c>/_workshop/health</c> says, when that folder is on this
    /// machine; null when no simulator answers or the folder is elsewhere.
    /// </summary>
    public static async Task<string?> LocalStateDirectoryAsync(Uri endpoint, CancellationToken cancellationToken = default)
    {
        var (result, health) = await ReadHealthAsync(endpoint, cancellationToken).ConfigureAwait(false);
        return result == ProbeResult.Simulator && health?.StateDirectory is { Length: > 0 } path && Directory.Exists(path) ? path : null;
    }

    /// <summary>Asks <c>/_workshop/health</c> whether a simulator answers at <paramref name="endpoint"/>.</summary>
    public static async Task<ProbeResult> ProbeAsync(Uri endpoint, CancellationToken cancellationToken = default) =>
        (await ReadHealthAsync(endpoint, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>What <c>/_workshop/health</c> answers: who answers, and (a simulator) its <see cref="SimulatorHealth"/>.</summary>
    private static async Task<(ProbeResult Result, SimulatorHealth? Health)> ReadHealthAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(SimulatorHealth.At(endpoint), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return (ProbeResult.SomethingElse, null);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return SimulatorHealth.Read(body) is { IsOk: true } health ? (ProbeResult.Simulator, health) : (ProbeResult.SomethingElse, null);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return (ProbeResult.Nothing, null);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException)
        {
            return (ProbeResult.SomethingElse, null);
        }
    }

    private static bool IsAddressInUse(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
            if (current is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || current.GetType().Name == "AddressInUseException")
                return true;
        return false;
    }
}

/// <summary>The workshop could not find or start its simulator; the message says why and what to do, in Japanese.</summary>
public sealed class WorkshopStartException(string message, Exception? inner = null) : Exception(message, inner);
