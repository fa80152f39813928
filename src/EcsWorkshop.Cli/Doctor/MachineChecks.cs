using System.Net;
using System.Net.Sockets;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Runtime.Docker;

namespace EcsWorkshop.Cli.Doctor;

/// <summary>
/// What a study-group machine needs, checked for real: the pinned .NET SDK, a Docker engine (optional: tasks then
/// run on the simulated runtime), the .NET Interactive kernel (optional: for VS Code and Jupyter), and the
/// simulator's port on 127.0.0.1.
/// </summary>
public static class MachineChecks
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Every check, in the order the host guide lists them.</summary>
    public static async Task<IReadOnlyList<MachineCheck>> RunAsync(string root, Uri dockerEndpoint, int port, CancellationToken cancellationToken) =>
    [
        await DotnetSdkAsync(root, cancellationToken),
        await DockerAsync(dockerEndpoint, cancellationToken),
        await KernelAsync(root, cancellationToken),
        await PortAsync(port, cancellationToken),
    ];

    /// <summary><c>dotnet --version</c> in the repository: it fails when the SDK <c>global.json</c> pins is missing.</summary>
    public static async Task<MachineCheck> DotnetSdkAsync(string root, CancellationToken cancellationToken)
    {
        const string name = ".NET SDK";
        var run = await ToolRun.RunAsync("dotnet", ["--version"], root, ToolTimeout, cancellationToken);
        var version = run.Output.Split('\n').LastOrDefault()?.Trim() ?? "";
        if (run.Succeeded && Version.TryParse(version.Split('-')[0], out var parsed) && parsed.Major >= 10)
            return new(name, true, true, $"{version} (global.json の指定に合っています)");
        return new(name, false, true, run.Succeeded ? $"{version} は古すぎます" : "global.json が指定する .NET 10 SDK が見つかりません",
            "https://dotnet.microsoft.com/ja-jp/download/dotnet/10.0 から .NET 10 SDK をインストールしてください");
    }

    /// <summary>Whether a Docker engine answers at <paramref name="endpoint"/> (<c>DOCKER_HOST</c>, else the default socket).</summary>
    public static async Task<MachineCheck> DockerAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        const string name = "Docker";
        using var client = await DockerEndpoint.TryConnectAsync(endpoint, cancellationToken);
        if (client is null)
            return new(name, false, false, $"{endpoint} で Docker エンジンが応答しません。タスクはコンテナを動かさない simulated ランタイムで動きます",
                "コンテナを本当に動かすなら Docker Engine (または Docker Desktop) を起動し、必要なら DOCKER_HOST を設定してください");
        var version = await client.System.GetVersionAsync(cancellationToken);
        return new(name, true, false, $"Docker {version.Version} (API {version.APIVersion}) が {endpoint} で応答しています。タスクのコンテナが本当に動きます");
    }

    /// <summary>The pinned .NET Interactive kernel (<c>dotnet tool restore</c>), which VS Code and Jupyter run the notebooks in.</summary>
    public static async Task<MachineCheck> KernelAsync(string root, CancellationToken cancellationToken)
    {
        const string name = "カーネル (.NET Interactive)";
        var run = await ToolRun.RunAsync("dotnet", ["tool", "run", "dotnet-interactive", "--", "--version"], root, ToolTimeout, cancellationToken);
        var version = run.Output.Split('\n').LastOrDefault()?.Trim() ?? "";
        return run.Succeeded
            ? new(name, true, false, $"dotnet-interactive {version.Split('+')[0]} (VS Code・Jupyter でノートブックを開けます)")
            : new(name, false, false, "dotnet-interactive が復元されていません。ファイルベースアプリと workshop run は使えます",
                "リポジトリのルートで `dotnet tool restore` を実行してください");
    }

    /// <summary>Whether the simulator's port on 127.0.0.1 is free, or already answered by a simulator.</summary>
    public static async Task<MachineCheck> PortAsync(int port, CancellationToken cancellationToken)
    {
        var name = $"ポート {port}";
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return new(name, true, true, $"127.0.0.1:{port} は空いています (workshop serve とレッスンが使います)");
        }
        catch (SocketException)
        {
            // In use: by a simulator (fine) or by something else.
        }
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
            var body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}{SimulatorHealth.Path}"), cancellationToken);
            if (SimulatorHealth.Read(body) is { } health)
                return new(name, true, true, $"127.0.0.1:{port} でシミュレーターが応答しています (状態: {health.Status})");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            // Not a simulator.
        }
        return new(name, false, true, $"127.0.0.1:{port} は、シミュレーターではないプログラムが使っています",
            $"そのプログラムを止めるか、別のポートで `workshop serve --port 番号` を起動し、環境変数 ECS_WORKSHOP_ENDPOINT=http://127.0.0.1:番号 を設定してください");
    }
}
