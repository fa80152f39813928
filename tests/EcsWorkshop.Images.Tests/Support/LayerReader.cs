using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using EcsWorkshop.Images.Building;

namespace EcsWorkshop.Images.Tests.Support;

/// <summary>One entry of a layer's tar archive as read back.</summary>
public sealed record TarItem(string Name, TarEntryType Type, UnixFileMode Mode, int Uid, int Gid, DateTimeOffset ModificationTime, string UserName, string? Content, string LinkName);

/// <summary>Reads a layer blob (gzipped tar) back, entry by entry, in archive order.</summary>
public static class LayerReader
{
    public static IReadOnlyList<TarItem> Read(LayerBlob layer)
    {
        using var file = File.OpenRead(layer.Path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        var items = new List<TarItem>();
        while (reader.GetNextEntry() is { } entry)
        {
            string? content = null;
            if (entry.DataStream is not null)
            {
                using var text = new StreamReader(entry.DataStream, Encoding.UTF8);
                content = text.ReadToEnd();
            }
            items.Add(new TarItem(entry.Name, entry.EntryType, entry.Mode, entry.Uid, entry.Gid, entry.ModificationTime,
                (entry as PosixTarEntry)?.UserName ?? "", content, entry.LinkName));
        }
        return items;
    }

    /// <summary>The uncompressed tar bytes of a layer.</summary>
    public static byte[] Uncompressed(LayerBlob layer)
    {
        using var file = File.OpenRead(layer.Path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
