using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>
/// A small, valid OCI image written as an OCI layout directory for skopeo to push: one gzip layer holding one file,
/// a config and a manifest. Its blobs are also exposed so tests can push them by hand over HTTP.
/// </summary>
public sealed class TestOciLayout
{
    private TestOciLayout(string directory, byte[] layer, byte[] config, byte[] manifest)
    {
        Directory = directory;
        Layer = layer;
        Config = config;
        Manifest = manifest;
    }

    public string Directory { get; }
    public byte[] Layer { get; }
    public byte[] Config { get; }
    public byte[] Manifest { get; }

    public static string DigestOf(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public string LayerDigest => DigestOf(Layer);
    public string ConfigDigest => DigestOf(Config);
    public string ManifestDigest => DigestOf(Manifest);

    /// <summary>Writes an image whose single file holds <paramref name="content"/>, tagged <paramref name="tag"/>.</summary>
    public static TestOciLayout Create(string content, string tag = "v1", int layerPaddingBytes = 0)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(content + new string('.', layerPaddingBytes));
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "app/content.txt")
            {
                DataStream = new MemoryStream(bytes),
                ModificationTime = DateTimeOffset.UnixEpoch,
            });
        }
        var uncompressed = tar.ToArray();
        var gzip = new MemoryStream();
        using (var zip = new GZipStream(gzip, CompressionLevel.Optimal, leaveOpen: true)) zip.Write(uncompressed);
        var layer = gzip.ToArray();

        var config = JsonSerializer.SerializeToUtf8Bytes(new
        {
            architecture = "amd64",
            os = "linux",
            config = new { Cmd = new[] { "/app/run" }, Labels = new Dictionary<string, string> { ["test"] = content } },
            rootfs = new { type = "layers", diff_ids = new[] { DigestOf(uncompressed) } },
        });
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = "application/vnd.oci.image.manifest.v1+json",
            config = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = DigestOf(config), size = config.Length },
            layers = new[] { new { mediaType = "application/vnd.oci.image.layer.v1.tar+gzip", digest = DigestOf(layer), size = layer.Length } },
        });

        var directory = System.IO.Directory.CreateTempSubdirectory("ecs-workshop-oci-").FullName;
        var blobs = Path.Combine(directory, "blobs", "sha256");
        System.IO.Directory.CreateDirectory(blobs);
        foreach (var blob in new[] { layer, config, manifest })
            File.WriteAllBytes(Path.Combine(blobs, DigestOf(blob)["sha256:".Length..]), blob);
        File.WriteAllText(Path.Combine(directory, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        File.WriteAllBytes(Path.Combine(directory, "index.json"), JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            manifests = new[]
            {
                new
                {
                    mediaType = "application/vnd.oci.image.manifest.v1+json",
                    digest = DigestOf(manifest),
                    size = manifest.Length,
                    annotations = new Dictionary<string, string> { ["org.opencontainers.image.ref.name"] = tag },
                },
            },
        }));
        return new TestOciLayout(directory, layer, config, manifest);
    }
}
