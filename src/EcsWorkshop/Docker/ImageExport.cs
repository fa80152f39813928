using System.Collections.Immutable;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Docker.DotNet;
using EcsWorkshop.Images;
using EcsWorkshop.Images.Building;
using EcsWorkshop.Images.Layout;
using EcsWorkshop.Images.Oci;

namespace EcsWorkshop.Docker;

/// <summary>
/// An image of the engine written as an OCI image layout, so it can be opened file by file as the workshop
/// builder's images are: <c>docker save</c> through the Engine API, each layer tar gzipped (mtime 0), the config
/// as the engine has it (its digest is the image ID), and an OCI manifest. The manifest is this layout's own:
/// <c>docker push</c> compresses the layers itself, so the registry's digest is the one the push reports.
/// </summary>
public static class ImageExport
{
    /// <summary>Writes <paramref name="reference"/> into a new layout at <paramref name="directory"/> under <paramref name="refName"/>.</summary>
    public static async Task<BuiltImage> WriteLayoutAsync(DockerClient client, string reference, string directory, string refName, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var work = Directory.CreateTempSubdirectory("ecs-workshop-save-");
        try
        {
            var layers = new Dictionary<string, LayerBlob>(StringComparer.Ordinal);
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            // The engine's stream reads only asynchronously: keep the saved tar on disk first, then read it.
            var savedPath = Path.Combine(work.FullName, "saved.tar");
            await using (var saved = await client.Images.SaveImageAsync(reference, cancellationToken).ConfigureAwait(false))
            await using (var file = File.Create(savedPath))
                await saved.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            await using (var savedTar = File.OpenRead(savedPath))
            {
                using var tar = new TarReader(savedTar);
                while (await tar.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
                {
                    if (entry.DataStream is null || entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                    if (entry.Name.EndsWith("layer.tar", StringComparison.Ordinal))
                        layers[entry.Name] = Gzip(entry.DataStream, work.FullName);
                    else if (entry.Name.EndsWith(".json", StringComparison.Ordinal))
                    {
                        using var memory = new MemoryStream();
                        await entry.DataStream.CopyToAsync(memory, cancellationToken).ConfigureAwait(false);
                        files[entry.Name] = memory.ToArray();
                    }
                }
            }
            using var saveManifest = JsonDocument.Parse(files["manifest.json"]);
            var first = saveManifest.RootElement[0];
            var configBytes = files[first.GetProperty("Config").GetString()!];
            var config = ImageJson.Deserialize<ImageConfiguration>(configBytes, $"image config of {reference}");
            var orderedLayers = first.GetProperty("Layers").EnumerateArray().Select(l => layers[l.GetString()!]).ToImmutableArray();
            var configDescriptor = new Descriptor(MediaTypes.OciConfig, Digest.Of(configBytes), configBytes.Length);
            var manifest = new ImageManifest(configDescriptor, [.. orderedLayers.Select(l => l.Descriptor)]);
            var manifestBytes = ImageJson.Serialize(manifest);
            var built = new BuiltImage(new Descriptor(MediaTypes.OciManifest, Digest.Of(manifestBytes), manifestBytes.Length), manifestBytes, manifest,
                configDescriptor, configBytes, config, orderedLayers, new BaseImageInfo(BaseImageKind.Local, reference));
            OciLayout.Write(built, directory, refName);
            var blobs = new BlobDirectory(directory);
            return built with { Layers = [.. orderedLayers.Select(l => l with { Path = blobs.PathOf(l.Descriptor.Digest) })] };
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // A layer tar gzipped as the workshop builder does (no name, mtime 0), hashed before (diff_id) and after (digest).
    private static LayerBlob Gzip(Stream layerTar, string directory)
    {
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N"));
        using var diff = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = layerTar.Read(buffer, 0, buffer.Length)) > 0)
            {
                diff.AppendData(buffer, 0, read);
                gzip.Write(buffer, 0, read);
            }
        }
        var digest = Digest.OfFile(path);
        return new LayerBlob(new Descriptor(MediaTypes.OciLayerGzip, digest, new FileInfo(path).Length), Digest.Of(diff), path);
    }
}
