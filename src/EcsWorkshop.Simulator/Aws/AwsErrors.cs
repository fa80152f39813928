using System.Net;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>Errors that any AWS JSON service may answer with, whatever the operation.</summary>
public static class AwsErrors
{
    public static AwsServiceException UnknownOperation(string? target) =>
        new("UnknownOperationException", target is null or "" ? "Missing X-Amz-Target header." : $"Operation {target} is not supported.");

    public static AwsServiceException Serialization(string detail) =>
        new("SerializationException", detail);

    public static AwsServiceException Server(string message = "Service Unavailable. Please try again later.") =>
        new("ServerException", message, HttpStatusCode.InternalServerError);
}
