using System.Collections.Immutable;
using Docker.DotNet;
using Docker.DotNet.Models;
using EcsWorkshop.Simulator.Runtime.Docker;

namespace EcsWorkshop.Docker;

/// <summary>
/// The sample app's base image. Online it is the published <see cref="PublishedReference"/> (Docker Hub's busybox);
/// offline the workshop makes <see cref="Reference"/> itself from Debian's <c>busybox-static</c> (<c>/bin/busybox</c>):
/// <c>FROM scratch</c>, the one static binary, and its applets (<c>sh</c>, <c>httpd</c>, <c>wget</c>…) linked into
/// <c>/bin</c> — the image the Docker runtime's pause containers run. It says it was made locally in its labels.
/// </summary>
public static class LocalBaseImage
{
    /// <summary>The build argument the sample's Dockerfile names its base with.</summary>
    public const string BuildArgument = "BASE_IMAGE";

    /// <summary>The published base the sample's Dockerfile names by default.</summary>
    public const string PublishedReference = "busybox:1.36";

    /// <summary>The locally made base: the same image the Docker runtime's pause containers run (one definition, <see cref="BusyboxImage"/>).</summary>
    public const string Reference = BusyboxImage.Tag;

    /// <summary>Where the static BusyBox binary is taken from (Debian's <c>busybox-static</c>).</summary>
    public const string BusyBoxPath = BusyboxImage.HostBusybox;

    /// <summary>The label that marks the base as made locally (its value says from what).</summary>
    public const string MadeLocallyLabel = WorkshopLabels.MadeLocally;

    /// <summary>True when the engine has the image.</summary>
    public static Task<bool> ExistsAsync(DockerClient client, string reference, CancellationToken cancellationToken) =>
        BusyboxImage.ExistsAsync(client, reference, cancellationToken);

    /// <summary>
    /// Makes <see cref="Reference"/> in the engine unless it is there, through the Engine API (<see cref="BusyboxImage.BuildAsync"/>:
    /// <c>FROM scratch</c>, <see cref="BusyBoxPath"/>, its applets linked into <c>/bin</c>). Returns what it did, in lines
    /// (none when the image was already there).
    /// </summary>
    public static async Task<ImmutableArray<string>> EnsureAsync(DockerClient client, CancellationToken cancellationToken = default)
    {
        if (await ExistsAsync(client, Reference, cancellationToken).ConfigureAwait(false)) return [];
        if (!File.Exists(BusyBoxPath))
            throw new FileNotFoundException(
                $"{BusyBoxPath} がありません。オフラインでサンプルのベースイメージを作るには、Debian/Ubuntu のパッケージ busybox-static が必要です (sudo apt-get install busybox-static)。",
                BusyBoxPath);
        await BusyboxImage.BuildAsync(client, Reference, new Dictionary<string, string>
        {
            ["org.opencontainers.image.title"] = "ecs-workshop/busybox",
            ["org.opencontainers.image.description"] = "Made locally by the ECS workshop from Debian's busybox-static (not the published busybox image).",
        }, cancellationToken).ConfigureAwait(false);
        return [$"{Reference} を {BusyBoxPath} から作りました (FROM scratch + busybox、ラベル {MadeLocallyLabel})。"];
    }

    /// <summary>
    /// The base the sample should be built on with this engine: the published image when the engine has it or can
    /// pull it, else the local one (made now when missing). <c>MadeLocally</c> says which.
    /// </summary>
    public static async Task<(string Reference, bool MadeLocally, ImmutableArray<string> Output)> ChooseAsync(DockerClient client,
        CancellationToken cancellationToken)
    {
        if (await ExistsAsync(client, PublishedReference, cancellationToken).ConfigureAwait(false))
            return (PublishedReference, false, []);
        try
        {
            var separator = PublishedReference.LastIndexOf(':');
            await client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = PublishedReference[..separator], Tag = PublishedReference[(separator + 1)..] },
                null, new Progress<JSONMessage>(), cancellationToken).ConfigureAwait(false);
            if (await ExistsAsync(client, PublishedReference, cancellationToken).ConfigureAwait(false))
                return (PublishedReference, false, [$"{PublishedReference} を取得しました。"]);
        }
        catch (DockerApiException)
        {
            // Offline (or Docker Hub refused): make the base locally instead.
        }
        var output = await EnsureAsync(client, cancellationToken).ConfigureAwait(false);
        return (Reference, true, output);
    }
}
