using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace EcsWorkshop.Images.Building;

/// <summary>Reads a file out of an image's layers, top layer first, honouring whiteouts (<c>.wh.NAME</c>).</summary>
internal static class ImageFiles
{
    /// <summary>The text of the file at <paramref name="path"/> (relative, e.g. <c>etc/passwd</c>), or null when no layer has it.</summary>
    public static string? ReadText(IReadOnlyList<LayerBlob> layers, string path)
    {
        var whiteout = ContextPath.Join(ContextPath.Parent(path), ".wh." + ContextPath.Name(path));
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            using var stream = OpenTar(layers[i]);
            if (stream is null) continue;
            using var reader = new TarReader(stream);
            while (reader.GetNextEntry() is { } entry)
            {
                var name = ContextPath.CleanInImage(entry.Name);
                if (name == whiteout) return null;
                if (name != path || entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                if (entry.DataStream is null) return "";
                using var text = new StreamReader(entry.DataStream, Encoding.UTF8);
                return text.ReadToEnd();
            }
        }
        return null;
    }

    private static Stream? OpenTar(LayerBlob layer)
    {
        var mediaType = layer.Descriptor.MediaType;
        if (mediaType is MediaTypes.OciLayerGzip or MediaTypes.DockerLayerGzip)
            return new GZipStream(File.OpenRead(layer.Path), CompressionMode.Decompress);
        if (mediaType is MediaTypes.OciLayer or "application/vnd.docker.image.rootfs.diff.tar") return File.OpenRead(layer.Path);
        return null;
    }
}
