using Docker.DotNet;

namespace EcsWorkshop.Simulator.Runtime.Docker;

/// <summary>Where the Docker engine is: <c>DOCKER_HOST</c>, else the default socket, as the docker CLI looks.</summary>
public static class DockerEndpoint
{
    /// <summary>The engine's default socket on Linux and Docker Desktop for macOS.</summary>
    public const string DefaultSocket = "unix:///var/run/docker.sock";

    /// <summary>The engine's address from the environment.</summary>
    public static Uri FromEnvironment() =>
        new(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : DefaultSocket);

    /// <summary>A client for the engine at <paramref name="endpoint"/>.</summary>
    public static DockerClient Connect(Uri endpoint) =>
        new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(TimeSpan.FromMinutes(5)).Build();

    /// <summary>A client for the engine when it answers a ping within a few seconds, else null.</summary>
    public static async Task<DockerClient?> TryConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        if (endpoint.IsUnixPath() is { } path && !File.Exists(path)) return null;
        var client = Connect(endpoint);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await client.System.PingAsync(timeout.Token).ConfigureAwait(false);
            return client;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            return null;
        }
    }

    private static string? IsUnixPath(this Uri endpoint) => endpoint.Scheme == "unix" ? endpoint.LocalPath : null;
}
