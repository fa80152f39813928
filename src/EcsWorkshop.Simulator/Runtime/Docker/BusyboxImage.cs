using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace EcsWorkshop.Simulator.Runtime.Docker;

/// <summary>
/// A small image made on this machine with no internet: <c>FROM scratch</c> plus Debian's static
/// <c>/bin/busybox</c> (package busybox-static), its applets linked into <c>/bin</c> (sh, httpd, wget, ip, sleep…).
/// The Docker runtime's pause containers run it; tests use it as their base. Built through the engine API.
/// </summary>
public static class BusyboxImage
{
    /// <summary>Where Debian's busybox-static puts the binary.</summary>
    public const string HostBusybox = "/bin/busybox";

    /// <summary>The tag the runtime builds it under.</summary>
    public const string Tag = "ecs-workshop/busybox:local";

    /// <summary>The public image used instead where the machine has no static busybox (needs the internet once).</summary>
    public const string PublicFallback = "busybox:1.36.1";

    /// <summary>One build at a time: a classroom's accounts all ask at start.</summary>
    private static readonly SemaphoreSlim Building = new(1, 1);

    /// <summary>The image's tag once it exists: built from the host's busybox, or pulled from Docker Hub.</summary>
    public static async Task<string> EnsureAsync(IDockerClient client, CancellationToken cancellationToken)
    {
        await Building.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await EnsureOnceAsync(client, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Building.Release();
        }
    }

    private static async Task<string> EnsureOnceAsync(IDockerClient client, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(client, Tag, cancellationToken).ConfigureAwait(false)) return Tag;
        if (File.Exists(HostBusybox) && IsStatic(HostBusybox))
        {
            await BuildAsync(client, Tag, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
            return Tag;
        }
        if (!await ExistsAsync(client, PublicFallback, cancellationToken).ConfigureAwait(false))
            await client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = "busybox", Tag = "1.36.1" }, null, new Progress<JSONMessage>(), cancellationToken)
                .ConfigureAwait(false);
        return PublicFallback;
    }

    /// <summary>Builds the image from the host's <c>/bin/busybox</c> under <paramref name="tag"/>, with extra labels.</summary>
    public static async Task BuildAsync(IDockerClient client, string tag, IDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        using var context = new MemoryStream();
        await using (var tar = new TarWriter(context, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var dockerfile = "FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n";
            await WriteAsync(tar, "Dockerfile", System.Text.Encoding.UTF8.GetBytes(dockerfile), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, cancellationToken).ConfigureAwait(false);
            var binary = await File.ReadAllBytesAsync(HostBusybox, cancellationToken).ConfigureAwait(false);
            await WriteAsync(tar, "busybox", binary, (UnixFileMode)0b111_101_101, cancellationToken).ConfigureAwait(false);
        }
        context.Position = 0;
        var allLabels = new Dictionary<string, string>(labels) { [WorkshopLabels.MadeLocally] = "FROM scratch + the host's /bin/busybox (busybox-static)" };
        string? error = null;
        await client.Images.BuildImageFromDockerfileAsync(
            new ImageBuildParameters { Tags = [tag], Labels = allLabels, Remove = true, ForceRemove = true },
            context, null, null,
            new Progress<JSONMessage>(m => error ??= m.Error?.Message is { Length: > 0 } e ? e : null),
            cancellationToken).ConfigureAwait(false);
        if (error is not null || !await ExistsAsync(client, tag, cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"Could not build {tag} from {HostBusybox}: {error ?? "the engine made no image"}");
    }

    /// <summary>True when the engine holds an image by that reference.</summary>
    public static async Task<bool> ExistsAsync(IDockerClient client, string reference, CancellationToken cancellationToken)
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
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>A static binary has no program interpreter (no PT_INTERP segment); a dynamic one cannot run FROM scratch.</summary>
    private static bool IsStatic(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7F || bytes[1] != (byte)'E' || bytes[4] != 2) return false;
        var phoff = BitConverter.ToInt64(bytes, 0x20);
        var phentsize = BitConverter.ToUInt16(bytes, 0x36);
        var phnum = BitConverter.ToUInt16(bytes, 0x38);
        for (var i = 0; i < phnum; i++)
            if (BitConverter.ToUInt32(bytes, (int)(phoff + i * phentsize)) == 3) return false;
        return true;
    }

    private static async Task WriteAsync(TarWriter tar, string name, byte[] content, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), Mode = mode, ModificationTime = DateTimeOffset.UnixEpoch };
        await tar.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
    }
}
