using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>
/// Every error the simulated ECR API answers with, as a value (id, code, HTTP status, message template). The
/// JSON edge writes them as <c>__type</c>; the <c>/v2/</c> registry turns the ones a push can meet into OCI
/// errors (<see cref="Registry.RegistryErrors"/>); the Japanese catalogue explains each one by its id.
/// </summary>
public static class EcrErrors
{
    private const string Invalid = "InvalidParameterException";

    /// <summary>Every ECR error, in the order declared here.</summary>
    public static IReadOnlyList<ServiceError> All => ServiceError.DeclaredBy(typeof(EcrErrors));

    // ---- parameters ----
    public static readonly ServiceError RepositoryNameNull = new("ecr.repository-name-null", Invalid,
        "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'Member must not be null'");
    public static readonly ServiceError ManifestNull = new("ecr.manifest-null", Invalid,
        "Invalid parameter at 'imageManifest' failed to satisfy constraint: 'Member must not be null'");
    public static readonly ServiceError RepositoryNameInvalid = new("ecr.repository-name-invalid", Invalid,
        "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '{pattern}''")
        { Examples = [Domain.RepositoryNames.Pattern] };
    public static readonly ServiceError ImageTagInvalid = new("ecr.image-tag-invalid", Invalid,
        "Invalid parameter at 'imageTag' failed to satisfy constraint: 'must satisfy regular expression '[a-zA-Z0-9_][a-zA-Z0-9._-]{0,299}''");
    public static readonly ServiceError TooManyTags = new("ecr.too-many-tags", Invalid, "The number of tags exceeds the limit of {max}.") { Examples = ["50"] };
    public static readonly ServiceError EncryptionTypeInvalid = new("ecr.encryption-type-invalid", Invalid,
        "Invalid parameter at 'encryptionType' failed to satisfy constraint: 'Member must satisfy enum value set: [AES256, KMS, KMS_DSSE]'");
    public static readonly ServiceError TagMutabilityInvalid = new("ecr.tag-mutability-invalid", Invalid,
        "Invalid parameter at 'imageTagMutability' failed to satisfy constraint: 'Member must satisfy enum value set: [MUTABLE, IMMUTABLE]' (was '{value}')")
        { Examples = ["FROZEN"] };
    public static readonly ServiceError TagStatusInvalid = new("ecr.tag-status-invalid", Invalid,
        "Invalid parameter at 'filter.tagStatus' failed to satisfy constraint: 'Member must satisfy enum value set: [TAGGED, UNTAGGED, ANY]'");
    public static readonly ServiceError ImageIdsEmpty = new("ecr.image-ids-empty", Invalid,
        "Invalid parameter at 'imageIds' failed to satisfy constraint: 'Member must have length greater than or equal to 1'");
    public static readonly ServiceError TooManyImageIds = new("ecr.too-many-image-ids", Invalid,
        "Invalid parameter at 'imageIds' failed to satisfy constraint: 'Member must have length less than or equal to {max}'") { Examples = ["100"] };
    public static readonly ServiceError MaxResultsOutOfRange = new("ecr.max-results-out-of-range", Invalid,
        "Invalid parameter at 'maxResults' failed to satisfy constraint: 'Member must have value between 1 and 1000'");
    public static readonly ServiceError InvalidNextToken = new("ecr.invalid-next-token", Invalid,
        "Invalid parameter at 'nextToken' failed to satisfy constraint: 'the token is not valid'");
    public static readonly ServiceError InvalidManifest = new("ecr.manifest-invalid", Invalid,
        "Invalid parameter at 'imageManifest' failed to satisfy constraint: '{detail}'") { Examples = ["the manifest is not valid JSON"] };

    // ---- repositories and images ----
    public static readonly ServiceError RepositoryNotFound = new("ecr.repository-not-found", "RepositoryNotFoundException",
        "The repository with name '{name}' does not exist in the registry with id '{registryId}'") { Examples = ["web", "123456789012"] };
    public static readonly ServiceError RepositoryAlreadyExists = new("ecr.repository-already-exists", "RepositoryAlreadyExistsException",
        "The repository with name '{name}' already exists in the registry with id '{registryId}'") { Examples = ["web", "123456789012"] };
    public static readonly ServiceError RepositoryNotEmpty = new("ecr.repository-not-empty", "RepositoryNotEmptyException",
        "The repository with name '{name}' in registry with id '{registryId}' cannot be deleted because it still contains images")
        { Examples = ["web", "123456789012"] };
    public static readonly ServiceError ImageTagAlreadyExists = new("ecr.image-tag-already-exists", "ImageTagAlreadyExistsException",
        "The image tag '{tag}' already exists in the '{repository}' repository and cannot be overwritten because the repository is immutable.")
        { Examples = ["v1", "web"] };
    public static readonly ServiceError ImageAlreadyExists = new("ecr.image-already-exists", "ImageAlreadyExistsException",
        "Image with digest '{digest}' and tag '{tag}' already exists in the repository with name '{repository}' in registry with id '{registryId}'")
        { Examples = ["sha256:0000000000000000000000000000000000000000000000000000000000000000", "v1", "web", "123456789012"] };
    public static readonly ServiceError ImageNotFound = new("ecr.image-not-found", "ImageNotFoundException",
        "The image with imageId {imageDigest:'{digest}', imageTag:'{tag}'} does not exist within the repository with name '{repository}' in the registry with id '{registryId}'")
        { Examples = ["null", "v1", "web", "123456789012"] };
    public static readonly ServiceError LayersNotFound = new("ecr.layers-not-found", "LayersNotFoundException",
        "Layers with digests [{digests}] required for pushing image into repository are not found.")
        { Examples = ["sha256:0000000000000000000000000000000000000000000000000000000000000000"] };
    /// <summary>
    /// The account's registry storage quota (<see cref="Quotas.AccountQuotas.RegistryStorageBytes"/>) is reached. Code and
    /// words are the API model's LimitExceededException ("The operation did not succeed because it would have exceeded
    /// a service limit for your account."); ECR itself has no storage quota, so no captured answer exists for this case.
    /// </summary>
    public static readonly ServiceError LimitExceeded = new("ecr.limit-exceeded", "LimitExceededException",
        "The operation did not succeed because it would have exceeded a service limit for your account.");
    public static readonly ServiceError ImageDigestDoesNotMatch = new("ecr.image-digest-does-not-match", "ImageDigestDoesNotMatchException",
        "The supplied image digest '{given}' does not match the digest calculated by Amazon ECR '{actual}'.")
        { Examples = ["sha256:0000000000000000000000000000000000000000000000000000000000000000", "sha256:1111111111111111111111111111111111111111111111111111111111111111"] };
}
