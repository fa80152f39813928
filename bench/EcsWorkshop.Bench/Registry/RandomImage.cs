using System.Formats.Tar;
using System.IO.Compression;
using EcsWorkshop.Images;
using EcsWorkshop.Images.Building;
using EcsWorkshop.Images.Layout;
using EcsWorkshop.Images.Oci;

namespace EcsWorkshop.Bench.Registry;

/// <summary>
/// An image of random bytes in an OCI layout on disk, for pushes whose speed the content cannot flatter: each layer
/// is a tar of one random file, gzipped without compression (random bytes do not compress; skopeo passes gzip
/// layers through as they are). Written with the image library's <see cref="OciLayout"/>.
/// </summary>
public sealed record RandomImage(string Directory, string RefName, BuiltImage Image)
{
    /// <summary>The bytes a push sends: layers, config and manifest.</summary>
    public long TotalBytes => Image.TotalSize;

    /// <summary>Writes <paramref name="layers"/> layers of <paramref name="layerBytes"/> random bytes each into a new layout in <paramref name="directory"/>.</summary>
    public static RandomImage Create(string directory, int layers, long layerBytes, string refName = "bench")
    {
        var blobs = new BlobDirectory(directory);
        var written = Enumerable.Range(0, layers).Select(i => WriteLayer(blobs, $"layer-{i}.bin", layerBytes)).ToList();

        var config = new ImageConfiguration
        {
            Config = new ContainerConfig { Cmd = ["/layer-0.bin"] },
            RootFs = new RootFs { DiffIds = [.. written.Select(l => l.DiffId.ToString())] },
        };
        var configBytes = ImageJson.Serialize(config);
        var configDescriptor = new Descriptor(MediaTypes.OciConfig, Digest.Of(configBytes), configBytes.Length);
        var manifest = new ImageManifest(configDescriptor, [.. written.Select(l => l.Descriptor)]);
        var manifestBytes = ImageJson.Serialize(manifest);
        var image = new BuiltImage(
            new Descriptor(MediaTypes.OciManifest, Digest.Of(manifestBytes), manifestBytes.Length), manifestBytes, manifest,
            configDescriptor, configBytes, config, [.. written], new BaseImageInfo(BaseImageKind.Scratch, "scratch"));
        OciLayout.Write(image, directory, refName);
        return new RandomImage(directory, refName, image);
    }

    private static LayerBlob WriteLayer(BlobDirectory blobs, string fileName, long size)
    {
        var content = blobs.NewTemporaryFile();
        var tar = blobs.NewTemporaryFile();
        var layer = blobs.NewTemporaryFile();
        try
        {
            WriteRandomFile(content, size);
            using (var archive = new TarWriter(File.Create(tar), TarEntryFormat.Pax, leaveOpen: false))
                archive.WriteEntry(content, fileName);
            var diffId = Digest.OfFile(tar);
            using (var source = File.OpenRead(tar))
            using (var gzip = new GZipStream(File.Create(layer), CompressionLevel.NoCompression))
                source.CopyTo(gzip, 1 << 20);
            var digest = Digest.OfFile(layer);
            var length = new FileInfo(layer).Length;
            var path = blobs.Commit(layer, digest);
            return new LayerBlob(new Descriptor(MediaTypes.OciLayerGzip, digest, length), diffId, path);
        }
        finally
        {
            File.Delete(content);
            File.Delete(tar);
            File.Delete(layer);
        }
    }

    private static void WriteRandomFile(string path, long size)
    {
        var buffer = new byte[1 << 20];
        using var file = File.Create(path);
        for (var left = size; left > 0; left -= buffer.Length)
        {
            Random.Shared.NextBytes(buffer);
            file.Write(buffer, 0, (int)Math.Min(buffer.Length, left));
        }
    }
}
