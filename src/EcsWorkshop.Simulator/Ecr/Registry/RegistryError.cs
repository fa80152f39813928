using System.Net;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>An error of the registry protocol: an HTTP status and a distribution error code.</summary>
public sealed class RegistryError(HttpStatusCode status, string code, string message, object? detail = null) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
    public string Code { get; } = code;
    public object? Detail { get; } = detail;

    public static RegistryError Unauthorized() => new(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "authentication required");
    public static RegistryError NameUnknown(string name, string registryId) =>
        new(HttpStatusCode.NotFound, "NAME_UNKNOWN", $"The repository with name '{name}' does not exist in the registry with id '{registryId}'");
    public static RegistryError NameInvalid(string name) => new(HttpStatusCode.BadRequest, "NAME_INVALID", $"invalid repository name '{name}'");
    public static RegistryError BlobUnknown(string digest) => new(HttpStatusCode.NotFound, "BLOB_UNKNOWN", "blob unknown to registry", new { digest });
    public static RegistryError UploadUnknown() => new(HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
    public static RegistryError UploadInvalid(string reason) => new(HttpStatusCode.BadRequest, "BLOB_UPLOAD_INVALID", reason);
    public static RegistryError DigestInvalid(string reason) => new(HttpStatusCode.BadRequest, "DIGEST_INVALID", reason);
    public static RegistryError ManifestUnknown(string reference) => new(HttpStatusCode.NotFound, "MANIFEST_UNKNOWN", "manifest unknown", new { reference });
    public static RegistryError ManifestInvalid(string reason) => new(HttpStatusCode.BadRequest, "MANIFEST_INVALID", $"manifest invalid: {reason}");
    public static RegistryError ManifestBlobUnknown(string reason) => new(HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN", reason);
    public static RegistryError TagInvalid(string reason) => new(HttpStatusCode.BadRequest, "TAG_INVALID", reason);
    public static RegistryError Unsupported(string reason) => new(HttpStatusCode.MethodNotAllowed, "UNSUPPORTED", reason);
    public static RegistryError RangeInvalid(long length) => new(HttpStatusCode.RequestedRangeNotSatisfiable, "BLOB_UPLOAD_INVALID", $"chunk out of order: the upload has {length} bytes");
    public static RegistryError TooLarge(string reason) => new(HttpStatusCode.RequestEntityTooLarge, "SIZE_INVALID", reason);
}
