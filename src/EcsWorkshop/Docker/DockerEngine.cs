using Docker.DotNet;

namespace EcsWorkshop.Docker;

/// <summary>
/// A Docker engine that answered: the Engine API client the helper builds, pushes and prepares base images with.
/// Found at <c>DOCKER_HOST</c> when set, else at the default socket (<c>unix:///var/run/docker.sock</c>).
/// </summary>
public sealed class DockerEngine : IDisposable
{
    /// <summary>Where an engine is looked for when <c>DOCKER_HOST</c> is not set.</summary>
    public const string DefaultEndpoint = "unix:///var/run/docker.sock";

    private DockerEngine(DockerClient client, Uri endpoint)
    {
        Client = client;
        Endpoint = endpoint;
    }

    /// <summary>The Engine API client.</summary>
    public DockerClient Client { get; }

    /// <summary>Where the engine answers.</summary>
    public Uri Endpoint { get; }

    /// <summary>The endpoint named by <c>DOCKER_HOST</c>, else the default socket.</summary>
    public static Uri EndpointFromEnvironment(Func<string, string?>? environment = null) =>
        new((environment ?? System.Environment.GetEnvironmentVariable)("DOCKER_HOST") is { Length: > 0 } host ? host : DefaultEndpoint);

    /// <summary>Connects and pings; null when no engine answers at <paramref name="endpoint"/> within a few seconds.</summary>
    public static async Task<DockerEngine?> TryConnectAsync(Uri? endpoint = null, CancellationToken cancellationToken = default)
    {
        endpoint ??= EndpointFromEnvironment();
        if (endpoint.Scheme == "unix" && !File.Exists(endpoint.LocalPath)) return null;
        DockerClient? client = null;
        try
        {
            client = new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(TimeSpan.FromMinutes(10)).Build();
            using var ping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            ping.CancelAfter(TimeSpan.FromSeconds(5));
            await client.System.PingAsync(ping.Token).ConfigureAwait(false);
            return new DockerEngine(client, endpoint);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client?.Dispose();
            return null;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Client.Dispose();
}
