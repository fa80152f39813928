using System.Security.Cryptography;
using System.Text;

namespace EcsWorkshop.Aws.Tests.Ecr;

/// <summary>Image manifests both backends take through PutImage without any blob pushed first.</summary>
public static class Manifests
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>An OCI image index with no manifests; the annotation makes each one (and its digest) distinct.</summary>
    public static string EmptyIndex(string label) =>
        $$$"""{"schemaVersion":2,"mediaType":"{{{OciIndex}}}","manifests":[],"annotations":{"test":"{{{label}}}-{{{Guid.NewGuid():N}}}"}}""";

    /// <summary>The digest a registry gives a manifest: the SHA-256 of its bytes.</summary>
    public static string DigestOf(string manifest) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest)));
}
