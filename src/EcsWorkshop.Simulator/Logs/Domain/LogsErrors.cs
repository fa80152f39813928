using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Logs.Domain;

/// <summary>The errors CloudWatch Logs answers with, in its codes and words.</summary>
public static class LogsErrors
{
    public static AwsServiceException InvalidParameter(string message) => new("InvalidParameterException", message);
    public static AwsServiceException GroupExists() => new("ResourceAlreadyExistsException", "The specified log group already exists");
    public static AwsServiceException StreamExists() => new("ResourceAlreadyExistsException", "The specified log stream already exists");
    public static AwsServiceException GroupNotFound() => new("ResourceNotFoundException", "The specified log group does not exist.");
    public static AwsServiceException StreamNotFound() => new("ResourceNotFoundException", "The specified log stream does not exist.");

    /// <summary>The validation error AWS sends for a member outside its constraint.</summary>
    public static AwsServiceException Constraint(string value, string member, string constraint) =>
        InvalidParameter($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");
}
