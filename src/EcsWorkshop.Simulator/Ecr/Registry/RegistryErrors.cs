using System.Net;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>
/// Every error the <c>/v2/</c> registry answers with, as a value: a distribution error code (the OCI spec's
/// <c>errors[].code</c>), the HTTP status and the message template. <see cref="FromDomain"/> says which of them an
/// ECR domain error becomes, by the error's identity, not by its code string.
/// </summary>
public static class RegistryErrors
{
    /// <summary>Every registry error, in the order declared here.</summary>
    public static IReadOnlyList<ServiceError> All => ServiceError.DeclaredBy(typeof(RegistryErrors));

    // ---- authentication and addressing ----
    public static readonly ServiceError Unauthorized = new("registry.unauthorized", "UNAUTHORIZED", HttpStatusCode.Unauthorized, "authentication required");
    public static readonly ServiceError PathUnknown = new("registry.path-unknown", "NAME_UNKNOWN", HttpStatusCode.NotFound, "unknown registry path");
    public static readonly ServiceError NameUnknown = new("registry.name-unknown", "NAME_UNKNOWN", HttpStatusCode.NotFound,
        "The repository with name '{name}' does not exist in the registry with id '{registryId}'") { Examples = ["web", "123456789012"] };
    public static readonly ServiceError NameInvalid = new("registry.name-invalid", "NAME_INVALID", HttpStatusCode.BadRequest, "invalid repository name '{name}'")
        { Examples = ["Web"] };
    public static readonly ServiceError MethodUnsupported = new("registry.method-unsupported", "UNSUPPORTED", HttpStatusCode.MethodNotAllowed,
        "{method} is not supported here") { Examples = ["PATCH"] };
    public static readonly ServiceError BlobDeletionUnsupported = new("registry.blob-deletion-unsupported", "UNSUPPORTED", HttpStatusCode.MethodNotAllowed,
        "blob deletion is not supported; delete the image instead");

    // ---- blobs and uploads ----
    public static readonly ServiceError BlobUnknown = new("registry.blob-unknown", "BLOB_UNKNOWN", HttpStatusCode.NotFound, "blob unknown to registry");
    public static readonly ServiceError UploadUnknown = new("registry.upload-unknown", "BLOB_UPLOAD_UNKNOWN", HttpStatusCode.NotFound, "blob upload unknown to registry");
    public static readonly ServiceError UploadShort = new("registry.upload-short", "BLOB_UPLOAD_INVALID", HttpStatusCode.BadRequest,
        "the request body was shorter than its Content-Length");
    public static readonly ServiceError ChunkOutOfOrder = new("registry.chunk-out-of-order", "BLOB_UPLOAD_INVALID", HttpStatusCode.RequestedRangeNotSatisfiable,
        "chunk out of order: the upload has {length} bytes") { Examples = ["1024"] };
    public static readonly ServiceError DigestUnreadable = new("registry.digest-unreadable", "DIGEST_INVALID", HttpStatusCode.BadRequest, "invalid digest");
    public static readonly ServiceError DigestInvalid = new("registry.digest-invalid", "DIGEST_INVALID", HttpStatusCode.BadRequest, "invalid digest '{digest}'")
        { Examples = ["sha256:abc"] };
    public static readonly ServiceError DigestMissing = new("registry.digest-missing", "DIGEST_INVALID", HttpStatusCode.BadRequest,
        "the digest query parameter is required to finish an upload");
    public static readonly ServiceError DigestMismatch = new("registry.digest-mismatch", "DIGEST_INVALID", HttpStatusCode.BadRequest,
        "provided digest did not match uploaded content");

    /// <summary>
    /// The account's registry storage quota is reached (<see cref="EcrErrors.LimitExceeded"/>, the same words). The
    /// distribution spec's <c>DENIED</c> ("requested access to the resource is denied", HTTP 403) is the code a client
    /// shows as a refusal; which code ECR's registry sends over a service limit is not confirmed.
    /// </summary>
    public static readonly ServiceError StorageLimit = new("registry.storage-limit", "DENIED", HttpStatusCode.Forbidden, EcrErrors.LimitExceeded.Template);

    // ---- manifests and tags ----
    public static readonly ServiceError ManifestUnknown = new("registry.manifest-unknown", "MANIFEST_UNKNOWN", HttpStatusCode.NotFound, "manifest unknown");
    public static readonly ServiceError ManifestInvalid = new("registry.manifest-invalid", "MANIFEST_INVALID", HttpStatusCode.BadRequest, "manifest invalid: {reason}")
        { Examples = ["the manifest is not valid JSON"] };
    public static readonly ServiceError ManifestTooLarge = new("registry.manifest-too-large", "SIZE_INVALID", HttpStatusCode.RequestEntityTooLarge,
        "the manifest is larger than 4 MiB");
    public static readonly ServiceError ManifestDigestMismatch = new("registry.manifest-digest-mismatch", "DIGEST_INVALID", HttpStatusCode.BadRequest,
        "the manifest's digest is {actual}, not {reference}")
        { Examples = ["sha256:1111111111111111111111111111111111111111111111111111111111111111", "sha256:0000000000000000000000000000000000000000000000000000000000000000"] };
    public static readonly ServiceError ManifestLayersUnknown = new("registry.manifest-layers-unknown", "MANIFEST_BLOB_UNKNOWN", HttpStatusCode.BadRequest,
        EcrErrors.LayersNotFound.Template) { Examples = EcrErrors.LayersNotFound.Examples };
    public static readonly ServiceError ManifestChildUnknown = new("registry.manifest-child-unknown", "MANIFEST_BLOB_UNKNOWN", HttpStatusCode.BadRequest,
        EcrErrors.ImageNotFound.Template) { Examples = EcrErrors.ImageNotFound.Examples };
    public static readonly ServiceError TagInvalid = new("registry.tag-invalid", "TAG_INVALID", HttpStatusCode.BadRequest, "invalid tag '{tag}'")
        { Examples = ["-v1"] };
    public static readonly ServiceError TagImmutable = new("registry.tag-immutable", "TAG_INVALID", HttpStatusCode.BadRequest,
        EcrErrors.ImageTagAlreadyExists.Template) { Examples = EcrErrors.ImageTagAlreadyExists.Examples };

    /// <summary>The registry error for <paramref name="error"/> with its holes filled.</summary>
    public static RegistryError Refusal(this ServiceError error, params object?[] values) => new(error, error.Format(values));

    /// <summary>
    /// What a push refused by the ECR domain answers on the registry protocol (the same message, an OCI code), or
    /// null for an error the registry has no word for.
    /// </summary>
    public static RegistryError? FromDomain(DomainError refused, Repository repository, string registryId)
    {
        var error = refused.Error;
        if (error == EcrErrors.LayersNotFound) return new(ManifestLayersUnknown, refused.Message);
        if (error == EcrErrors.ImageNotFound) return new(ManifestChildUnknown, refused.Message);
        if (error == EcrErrors.ImageTagAlreadyExists) return new(TagImmutable, refused.Message);
        if (error == EcrErrors.RepositoryNotFound) return NameUnknown.Refusal(repository.Name, registryId);
        if (error == EcrErrors.LimitExceeded) return new(StorageLimit, refused.Message);
        return null;
    }
}
