using System.Collections.Immutable;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace EcsWorkshop.Docker;

/// <summary>
/// The sample app's base image. Online it is the published <see cref="PublishedReference"/> (Docker Hub's busybox);
/// offline the workshop makes <see cref="Reference"/> itself from Debian's <c>busybox-static</c> (<c>/bin/busybox</c>):
/// <c>FROM scratch</c>, the one static binary, and its applets (<c>sh</c>, <c>httpd</c>, <c>wget</c>…) linked into
/// <c>/bin</c>. The image says it was made locally in its labels.
/// </summary>
public static class LocalBaseImage
{
    /// <summary>The build argument the sample's Dockerfile names its base with.</summary>
    public const string BuildArgument = "BASE_IMAGE";

    /// <summary>The published base the sample's Dockerfile names by default.</summary>
    public const string PublishedReference = "busybox:1.36";

    /// <summary>The locally made base.</summary>
    public const string Reference = "ecs-workshop/busybox:local";

    /// <summary>Where the static BusyBox binary is taken from (Debian's <c>busybox-static</c>).</summary>
    public const string BusyBoxPath = "/bin/busybox";

    /// <summary>The label that marks the base as made locally.</summary>
    public const string MadeLocallyLabel = "org.ecsworkshop.base-image.made-locally";

    /// <summary>The Dockerfile the local base is built from (the binary is added to the build context as <c>busybox</c>).</summary>
    public const string Dockerfile = """
        # ECS ワークショップがオフライン用に手元で作るベースイメージです (公開されている busybox イメージではありません)。
        # Debian の busybox-static の /bin/busybox (静的リンク) を 1 つ置き、sh や httpd などのコマンドを /bin にリンクします。
        FROM scratch
        COPY busybox /bin/busybox
        RUN ["/bin/busybox", "--install", "-s", "/bin"]
        LABEL org.ecsworkshop.base-image.made-locally="true" \
              org.opencontainers.image.title="ecs-workshop/busybox" \
              org.opencontainers.image.description="Made locally by the ECS workshop from Debian's busybox-static (not the published busybox image). ECS ワークショップが Debian の busybox-static から手元で作ったベースイメージです。"
        CMD ["sh"]
        """;

    /// <summary>True when the engine has the image.</summary>
    public static async Task<bool> ExistsAsync(DockerClient client, string reference, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Makes <see cref="Reference"/> in the engine unless it is there, through the Engine API (a build of
    /// <see cref="Dockerfile"/> with <see cref="BusyBoxPath"/> in its context). Returns the build output lines
    /// (none when the image was already there).
    /// </summary>
    public static async Task<ImmutableArray<string>> EnsureAsync(DockerClient client, IReadOnlyDictionary<string, string>? labels = null,
        CancellationToken cancellationToken = default)
    {
        if (await ExistsAsync(client, Reference, cancellationToken).ConfigureAwait(false)) return [];
        if (!File.Exists(BusyBoxPath))
            throw new FileNotFoundException(
                $"{BusyBoxPath} がありません。オフラインでサンプルのベースイメージを作るには、Debian/Ubuntu のパッケージ busybox-static が必要です (sudo apt-get install busybox-static)。",
                BusyBoxPath);
        var context = Directory.CreateTempSubdirectory("ecs-workshop-busybox-");
        try
        {
            File.WriteAllText(Path.Combine(context.FullName, "Dockerfile"), Dockerfile);
            using var archive = BuildContextArchive.Create(context.FullName, new Dictionary<string, string> { ["busybox"] = BusyBoxPath });
            return await EngineBuild.RunAsync(client, archive, new ImageBuildParameters
            {
                Tags = [Reference],
                Labels = labels is null ? null : new Dictionary<string, string>(labels),
                Remove = true,
                ForceRemove = true,
            }, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The base the sample should be built on with this engine: the published image when the engine has it or can
    /// pull it, else the local one (made now when missing). <c>MadeLocally</c> says which.
    /// </summary>
    public static async Task<(string Reference, bool MadeLocally, ImmutableArray<string> Output)> ChooseAsync(DockerClient client,
        IReadOnlyDictionary<string, string>? labels, CancellationToken cancellationToken)
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
        var output = await EnsureAsync(client, labels, cancellationToken).ConfigureAwait(false);
        return (Reference, true, output);
    }
}
