using System.Globalization;
using System.Runtime.InteropServices;
using EcsWorkshop.Facts.Simulator;

namespace EcsWorkshop.Bench.Processes;

/// <summary>The servers the benchmarks compare, each started on a free loopback port with its own temporary state.</summary>
public static class Servers
{
    /// <summary>The CNCF distribution registry from Debian.</summary>
    public const string DistributionProgram = "/usr/bin/docker-registry";

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <c>workshop serve</c> (the built <c>workshop.dll</c> next to the bench) at <paramref name="speed"/>, with a new
    /// temporary state directory that is removed when the server is disposed.
    /// </summary>
    public static Task<ServerProcess> StartSimulatorAsync(double speed = 1, CancellationToken cancellationToken = default) =>
        StartSimulatorAsync(speed, "simulated", cancellationToken);

    /// <summary><c>workshop serve</c> as above, with the tasks' runtime named (<c>simulated</c> or <c>docker</c>).</summary>
    public static Task<ServerProcess> StartSimulatorAsync(double speed, string runtime, CancellationToken cancellationToken)
    {
        var dll = WorkshopDll();
        var state = ServerProcess.TemporaryDirectory("ecs-workshop-bench-state-");
        var port = FreePort.Pick();
        return ServerProcess.StartAsync(
            "the simulator (workshop serve)", DotnetHost(),
            [dll, "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--state-dir", state, "--speed", speed.ToString(CultureInfo.InvariantCulture), "--runtime", runtime],
            new Uri($"http://127.0.0.1:{port}/"), SimulatorHealth.Path, StartLimit, state, cancellationToken);
    }

    /// <summary>moto's server (<c>python3 -m moto.server</c>), which keeps its state in memory.</summary>
    public static Task<ServerProcess> StartMotoAsync(CancellationToken cancellationToken = default)
    {
        var port = FreePort.Pick();
        return ServerProcess.StartAsync(
            "moto (python3 -m moto.server)", "python3",
            ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)],
            new Uri($"http://127.0.0.1:{port}/"), "/moto-api/", StartLimit, cancellationToken: cancellationToken);
    }

    /// <summary>The CNCF distribution registry with filesystem storage in a new temporary directory, anonymous access.</summary>
    public static async Task<ServerProcess> StartDistributionAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(DistributionProgram))
            throw new FileNotFoundException($"{DistributionProgram} is missing: apt-get install -y docker-registry", DistributionProgram);
        var root = ServerProcess.TemporaryDirectory("ecs-workshop-bench-distribution-");
        var port = FreePort.Pick();
        var config = Path.Combine(root, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {Path.Combine(root, "storage")}
            http:
              addr: 127.0.0.1:{port}
            """, cancellationToken).ConfigureAwait(false);
        return await ServerProcess.StartAsync(
            "the CNCF registry (docker-registry)", DistributionProgram, ["serve", config],
            new Uri($"http://127.0.0.1:{port}/"), "/v2/", StartLimit, root, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The built <c>workshop</c> command next to the bench (the bench references EcsWorkshop.Cli to bring it).</summary>
    internal static string WorkshopDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "workshop.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"The built workshop command is missing at {dll}: the bench references EcsWorkshop.Cli to bring it.", dll);
        return dll;
    }

    /// <summary>The <c>dotnet</c> host that runs this process, to run <c>workshop.dll</c> with the same runtime.</summary>
    internal static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        if (Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet") return current;
        // The runtime lives in DOTNET_ROOT/shared/Microsoft.NETCore.App/VERSION/; the host in DOTNET_ROOT.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
