using Docker.DotNet;
using Docker.DotNet.Models;
using EcsWorkshop.Images;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Runtime.Docker;

/// <summary>An image could not be pulled; the message is the engine's own, as ECS quotes it.</summary>
public sealed class ImagePullException(string message) : Exception(message);

/// <summary>
/// Gets a container's image into the engine. An image of the simulated ECR is pulled by digest (so the digest
/// DescribeTasks shows is what runs) from <c>localhost:PORT</c> with an ECR token as user <c>AWS</c>, as the ECS
/// agent does with the execution role. Any other image is used as the engine already holds it (the ECS agent's
/// <c>prefer-cached</c> pull behaviour), else pulled where the network allows.
/// </summary>
public sealed class ImagePuller(IDockerClient client, EcrEngine ecr, RegistryAddress registry)
{
    /// <summary>The reference to create the container from, once the image is in the engine.</summary>
    public async Task<string> PullAsync(string region, TaskContainer container, CancellationToken cancellationToken)
    {
        if (!ImageReference.TryParse(container.Image, out var reference))
            throw new ImagePullException($"invalid reference format: {container.Image}");
        if (container.Readiness?.ImageDigest is { } digest && registry.IsKnown)
        {
            var byDigest = $"{registry.Host}/{reference.Repository}@{digest}";
            var (password, _) = ecr.Tokens.Issue(region);
            await CreateAsync(new ImagesCreateParameters { FromImage = $"{registry.Host}/{reference.Repository}", Tag = digest },
                new AuthConfig { Username = "AWS", Password = password, ServerAddress = registry.Host }, cancellationToken).ConfigureAwait(false);
            return byDigest;
        }
        if (await BusyboxImage.ExistsAsync(client, container.Image, cancellationToken).ConfigureAwait(false)) return container.Image;
        var name = reference.Registry == ImageReference.DockerHub ? reference.Repository : $"{reference.Registry}/{reference.Repository}";
        await CreateAsync(new ImagesCreateParameters { FromImage = name, Tag = reference.Digest?.ToString() ?? reference.TagOrLatest }, null, cancellationToken)
            .ConfigureAwait(false);
        return container.Image;
    }

    private async Task CreateAsync(ImagesCreateParameters parameters, AuthConfig? auth, CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            await client.Images.CreateImageAsync(parameters, auth,
                new Progress<JSONMessage>(m => error ??= m.Error?.Message is { Length: > 0 } e ? e : null),
                cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            throw new ImagePullException(EngineMessage(e));
        }
        if (error is not null) throw new ImagePullException(error);
    }

    /// <summary>The engine's error text (its JSON <c>message</c>), without the client's decoration.</summary>
    internal static string EngineMessage(DockerApiException e)
    {
        var body = e.ResponseBody ?? "";
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text) return text;
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return string.IsNullOrWhiteSpace(body) ? e.Message : body.Trim();
    }
}
