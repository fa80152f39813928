using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>The errors the ECR API answers with, in its codes and words.</summary>
public static class EcrErrors
{
    public static AwsServiceException InvalidParameter(string message) => new("InvalidParameterException", message);

    public static AwsServiceException RepositoryNotFound(string name, string registryId) =>
        new("RepositoryNotFoundException", $"The repository with name '{name}' does not exist in the registry with id '{registryId}'");

    public static AwsServiceException RepositoryAlreadyExists(string name, string registryId) =>
        new("RepositoryAlreadyExistsException", $"The repository with name '{name}' already exists in the registry with id '{registryId}'");

    public static AwsServiceException RepositoryNotEmpty(string name, string registryId) =>
        new("RepositoryNotEmptyException", $"The repository with name '{name}' in registry with id '{registryId}' cannot be deleted because it still contains images");

    public static AwsServiceException ImageTagAlreadyExists(string tag, string repository) =>
        new("ImageTagAlreadyExistsException", $"The image tag '{tag}' already exists in the '{repository}' repository and cannot be overwritten because the repository is immutable.");

    public static AwsServiceException ImageAlreadyExists(string digest, string? tag, string repository, string registryId) =>
        new("ImageAlreadyExistsException", $"Image with digest '{digest}' and tag '{tag ?? "null"}' already exists in the repository with name '{repository}' in registry with id '{registryId}'");

    public static AwsServiceException ImageNotFound(string? digest, string? tag, string repository, string registryId) =>
        new("ImageNotFoundException", $"The image with imageId {{imageDigest:'{digest ?? "null"}', imageTag:'{tag ?? "null"}'}} does not exist within the repository with name '{repository}' in the registry with id '{registryId}'");

    public static AwsServiceException LayersNotFound(IEnumerable<string> digests) =>
        new("LayersNotFoundException", $"Layers with digests [{string.Join(", ", digests)}] required for pushing image into repository are not found.");

    public static AwsServiceException ImageDigestDoesNotMatch(string given, string actual) =>
        new("ImageDigestDoesNotMatchException", $"The supplied image digest '{given}' does not match the digest calculated by Amazon ECR '{actual}'.");

    public static AwsServiceException InvalidManifest(string detail) =>
        InvalidParameter($"Invalid parameter at 'imageManifest' failed to satisfy constraint: '{detail}'");
}
