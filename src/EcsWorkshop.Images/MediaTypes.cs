namespace EcsWorkshop.Images;

/// <summary>The media types of OCI and Docker image documents and blobs.</summary>
public static class MediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /// <summary>Every manifest and index type a client should accept when it reads a manifest.</summary>
    public static readonly IReadOnlyList<string> AnyManifest = [OciManifest, OciIndex, DockerManifest, DockerManifestList];

    /// <summary>True for an image index or a Docker manifest list.</summary>
    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    /// <summary>The OCI media type of a layer described with a Docker media type (the bytes are the same).</summary>
    public static string ToOciLayer(string mediaType) => mediaType switch
    {
        DockerLayerGzip => OciLayerGzip,
        "application/vnd.docker.image.rootfs.diff.tar" => OciLayer,
        _ => mediaType,
    };
}
