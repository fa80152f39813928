using System.Formats.Tar;
using System.IO.Compression;

namespace EcsWorkshop.Images.Building;

/// <summary>
/// <c>ADD</c>'s unpacking of local tar archives (plain or gzip, recognised by content as docker does). Entries keep
/// their permission bits and owners (unless <c>--chown</c>); file contents go to a scratch directory for the layer.
/// </summary>
internal static class ArchiveExtractor
{
    /// <summary>What a file is: a tar archive to unpack (gzip or not), a format that cannot be unpacked here, or null for an ordinary file.</summary>
    public sealed record Archive(bool Gzip, string? Unsupported);

    /// <summary>Recognises a tar archive by its content.</summary>
    public static Archive? Detect(FileInfo file)
    {
        Span<byte> head = stackalloc byte[6];
        using (var stream = file.OpenRead())
        {
            if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length) return null;
        }
        if (head[0] == 0x1F && head[1] == 0x8B) return IsTar(file, gzip: true) ? new Archive(true, null) : null;
        if (head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') return new Archive(false, "bzip2");
        if (head[0] == 0xFD && head[1] == '7' && head[2] == 'z' && head[3] == 'X' && head[4] == 'Z') return new Archive(false, "xz");
        if (head[0] == 0x28 && head[1] == 0xB5 && head[2] == 0x2F && head[3] == 0xFD) return new Archive(false, "zstd");
        return IsTar(file, gzip: false) ? new Archive(false, null) : null;
    }

    private static bool IsTar(FileInfo file, bool gzip)
    {
        try
        {
            using var stream = Open(file, gzip);
            var header = new byte[512];
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length) return false;
            return header.AsSpan(257, 5).SequenceEqual("ustar"u8);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static Stream Open(FileInfo file, bool gzip)
    {
        Stream stream = file.OpenRead();
        return gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>Adds the archive's entries below <paramref name="destination"/>.</summary>
    public static void Extract(FileInfo file, bool gzip, string destination, LayerContents layer, (int Uid, int Gid)? owner, UnixFileMode? chmod, string scratchDirectory)
    {
        var extracted = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = Open(file, gzip);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            var relative = ContextPath.CleanInImage(entry.Name);
            if (relative.Length == 0) continue;
            var path = ContextPath.Join(destination, relative);
            var (uid, gid) = owner ?? (entry.Uid, entry.Gid);
            var mode = chmod ?? entry.Mode;
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    layer.Add(new LayerEntry(path, LayerEntryKind.Directory, mode, uid, gid));
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                {
                    var content = Path.Combine(scratchDirectory, Guid.NewGuid().ToString("N"));
                    using (var output = File.Create(content))
                    {
                        entry.DataStream?.CopyTo(output);
                    }
                    extracted[relative] = content;
                    layer.Add(new LayerEntry(path, LayerEntryKind.File, mode, uid, gid, content));
                    break;
                }
                case TarEntryType.HardLink when extracted.TryGetValue(ContextPath.CleanInImage(entry.LinkName), out var linked):
                    layer.Add(new LayerEntry(path, LayerEntryKind.File, mode, uid, gid, linked));
                    break;
                case TarEntryType.SymbolicLink:
                    layer.Add(new LayerEntry(path, LayerEntryKind.SymbolicLink, LayerContents.LinkMode, uid, gid, LinkTarget: entry.LinkName));
                    break;
            }
        }
    }
}
