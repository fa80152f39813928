using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>The errors ECS answers with, in its own codes and words.</summary>
public static class EcsErrors
{
    public static AwsServiceException Client(string message) => new("ClientException", message);
    public static AwsServiceException InvalidParameter(string message) => new("InvalidParameterException", message);
    public static AwsServiceException ClusterNotFound() => new("ClusterNotFoundException", "Cluster not found.");
    public static AwsServiceException ServiceNotFound() => new("ServiceNotFoundException", "Service not found.");
    public static AwsServiceException ServiceNotActive() => new("ServiceNotActiveException", "Service was not ACTIVE.");
    public static AwsServiceException ResourceNotFound(string message = "The specified resource could not be found.") => new("ResourceNotFoundException", message);
    public static AwsServiceException ClusterContainsServices() =>
        new("ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.");
    public static AwsServiceException ClusterContainsTasks() =>
        new("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.");
    public static AwsServiceException PlatformUnknown(string version) =>
        new("PlatformUnknownException", $"The specified platform version does not exist: {version}.");
    public static AwsServiceException UnsupportedFeature(string message) => new("UnsupportedFeatureException", message);
    public static AwsServiceException PlatformTaskDefinitionIncompatibility() =>
        new("PlatformTaskDefinitionIncompatibilityException", "The specified platform does not satisfy the task definition's required capabilities.");
    public static AwsServiceException TaskNotFound() => InvalidParameter("The referenced task was not found.");
    public static AwsServiceException NoContainerInstances() => InvalidParameter("No Container Instances were found in your cluster.");

    /// <summary>A required member was absent or empty.</summary>
    public static AwsServiceException Missing(string member) => InvalidParameter($"{member} can not be blank.");
}
