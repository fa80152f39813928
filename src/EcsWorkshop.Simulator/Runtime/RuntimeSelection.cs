using Docker.DotNet;
using EcsWorkshop.Simulator.Runtime.Docker;

namespace EcsWorkshop.Simulator.Runtime;

/// <summary>The runtime chosen at start: its kind, and the engine client when it is Docker.</summary>
public sealed record SelectedRuntime(ContainerRuntimeKind Kind, DockerClient? Client, Uri? Endpoint);

/// <summary>Resolves <c>--runtime auto|docker|simulated</c> against the machine.</summary>
public static class RuntimeSelection
{
    public static async Task<SelectedRuntime> ResolveAsync(RuntimeChoice choice, CancellationToken cancellationToken)
    {
        if (choice == RuntimeChoice.Simulated) return new SelectedRuntime(ContainerRuntimeKind.Simulated, null, null);
        var endpoint = DockerEndpoint.FromEnvironment();
        var client = await DockerEndpoint.TryConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        if (client is not null) return new SelectedRuntime(ContainerRuntimeKind.Docker, client, endpoint);
        if (choice == RuntimeChoice.Docker)
            throw new ContainerRuntimeUnavailableException(
                $"--runtime docker: no Docker engine answers at {endpoint} (set DOCKER_HOST, start Docker, or use --runtime simulated).");
        return new SelectedRuntime(ContainerRuntimeKind.Simulated, null, null);
    }
}
