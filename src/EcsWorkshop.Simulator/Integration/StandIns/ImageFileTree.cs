using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using EcsWorkshop.Images;
using EcsWorkshop.Images.Oci;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Integration.StandIns;

/// <summary>What a path of an image's file system is.</summary>
public enum ImageEntryKind { File, Directory, Symlink }

/// <summary>One path of an image's file system; small regular files keep their text (scripts), symlinks their target.</summary>
public sealed record ImageEntry(ImageEntryKind Kind, string? Text = null, string? LinkTarget = null);

/// <summary>
/// An image of the simulator's own registry, read as a container would see it: the config's entrypoint, command and
/// working directory, and the file system its layers make, bottom up, with OCI whiteouts (<c>.wh.NAME</c> removes a
/// path, <c>.wh..wh..opq</c> empties a directory) applied.
/// </summary>
public sealed class ImageFileTree
{
    /// <summary>Regular files up to this size keep their text (enough for start scripts).</summary>
    public const int MaxTextBytes = 64 * 1024;

    private readonly Dictionary<string, ImageEntry> _entries;

    private ImageFileTree(Dictionary<string, ImageEntry> entries, IReadOnlyList<string> entrypoint, IReadOnlyList<string> cmd, string workingDir)
    {
        _entries = entries;
        Entrypoint = entrypoint;
        Cmd = cmd;
        WorkingDir = workingDir;
    }

    public IReadOnlyList<string> Entrypoint { get; }

    public IReadOnlyList<string> Cmd { get; }

    /// <summary>The config's working directory, <c>/</c> when it has none.</summary>
    public string WorkingDir { get; }

    /// <summary>The entry at an absolute path, following symlinks (at most 16), or null when the path does not exist.</summary>
    public ImageEntry? Find(string path)
    {
        var current = Normalize(path);
        for (var hops = 0; hops < 16; hops++)
        {
            if (!_entries.TryGetValue(current, out var entry)) return current == "/" ? new ImageEntry(ImageEntryKind.Directory) : null;
            if (entry.Kind != ImageEntryKind.Symlink) return entry;
            var target = entry.LinkTarget ?? "";
            current = Normalize(target.StartsWith('/') ? target : Parent(current) + "/" + target);
        }
        return null;
    }

    /// <summary>An absolute path with <c>.</c>, <c>..</c> and repeated slashes resolved (never above <c>/</c>).</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    private static string Parent(string path) => path.LastIndexOf('/') is var i and > 0 ? path[..i] : "";

    /// <summary>Reads the image whose manifest (or index: its linux/amd64 entry, else its first) has <paramref name="digest"/>.</summary>
    public static ImageFileTree Read(BlobStore blobs, Digest digest)
    {
        var manifestBytes = ReadAll(blobs, digest);
        using (var probe = System.Text.Json.JsonDocument.Parse(manifestBytes))
        {
            if (probe.RootElement.TryGetProperty("manifests", out _))
            {
                var index = ImageJson.Deserialize<ImageIndex>(manifestBytes, "image index");
                var chosen = index.Manifests.FirstOrDefault(m => m.Platform is { Os: "linux", Architecture: "amd64" }) ?? index.Manifests[0];
                return Read(blobs, chosen.Digest);
            }
        }
        var manifest = ImageJson.Deserialize<ImageManifest>(manifestBytes, "image manifest");
        var config = ImageJson.Deserialize<ImageConfiguration>(ReadAll(blobs, manifest.Config.Digest), "image config");
        var entries = new Dictionary<string, ImageEntry>(StringComparer.Ordinal);
        foreach (var layer in manifest.Layers) Apply(blobs, layer, entries);
        return new ImageFileTree(entries,
            config.Config.Entrypoint is { IsDefault: false } e ? e : [],
            config.Config.Cmd is { IsDefault: false } c ? c : [],
            string.IsNullOrEmpty(config.Config.WorkingDir) ? "/" : config.Config.WorkingDir);
    }

    private static byte[] ReadAll(BlobStore blobs, Digest digest)
    {
        using var stream = blobs.OpenRead(digest);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Apply(BlobStore blobs, Descriptor layer, Dictionary<string, ImageEntry> entries)
    {
        using var blob = blobs.OpenRead(layer.Digest);
        using var content = layer.MediaType.Contains("gzip", StringComparison.Ordinal) ? new GZipStream(blob, CompressionMode.Decompress) : blob;
        using var reader = new TarReader(content);
        while (reader.GetNextEntry() is { } entry)
        {
            var path = Normalize(entry.Name);
            var name = path[(path.LastIndexOf('/') + 1)..];
            if (name == ".wh..wh..opq")
            {
                var directory = Parent(path) + "/";
                foreach (var key in entries.Keys.Where(k => k.StartsWith(directory, StringComparison.Ordinal)).ToList()) entries.Remove(key);
                continue;
            }
            if (name.StartsWith(".wh.", StringComparison.Ordinal))
            {
                var removed = Parent(path) + "/" + name[4..];
                entries.Remove(removed);
                foreach (var key in entries.Keys.Where(k => k.StartsWith(removed + "/", StringComparison.Ordinal)).ToList()) entries.Remove(key);
                continue;
            }
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    entries[path] = new ImageEntry(ImageEntryKind.Directory);
                    break;
                case TarEntryType.SymbolicLink:
                    entries[path] = new ImageEntry(ImageEntryKind.Symlink, LinkTarget: entry.LinkName);
                    break;
                case TarEntryType.HardLink:
                    entries[path] = entries.GetValueOrDefault(Normalize(entry.LinkName)) ?? new ImageEntry(ImageEntryKind.File);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    entries[path] = new ImageEntry(ImageEntryKind.File, entry.Length <= MaxTextBytes ? TextOf(entry) : null);
                    break;
            }
            // Parent directories a layer does not list still exist.
            for (var parent = Parent(path); parent.Length > 0 && !entries.ContainsKey(parent); parent = Parent(parent))
                entries[parent] = new ImageEntry(ImageEntryKind.Directory);
        }
    }

    private static string? TextOf(TarEntry entry)
    {
        if (entry.DataStream is null) return "";
        using var copy = new MemoryStream();
        entry.DataStream.CopyTo(copy);
        return Encoding.UTF8.GetString(copy.ToArray());
    }
}

/// <summary>Image file trees read once per digest (an image's content never changes under its digest).</summary>
public sealed class ImageFileTrees(BlobStore blobs)
{
    private readonly ConcurrentDictionary<string, Lazy<ImageFileTree?>> _trees = new(StringComparer.Ordinal);

    /// <summary>The image of a digest in the simulator's registry, or null when it is not there or cannot be read.</summary>
    public ImageFileTree? Of(string? digest)
    {
        if (digest is null || !Digest.TryParse(digest, out var parsed) || blobs.SizeOf(parsed) is null) return null;
        return _trees.GetOrAdd(digest, _ => new Lazy<ImageFileTree?>(() =>
        {
            try
            {
                return ImageFileTree.Read(blobs, parsed);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or FormatException or System.Text.Json.JsonException or ArgumentException or IndexOutOfRangeException)
            {
                return null;
            }
        })).Value;
    }
}
