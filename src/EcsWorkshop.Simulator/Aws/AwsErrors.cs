using System.Net;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>Errors that any AWS JSON service may answer with, whatever the operation.</summary>
public static class AwsErrors
{
    public static AwsServiceException UnknownOperation(string? target) =>
        new("UnknownOperationException", target is null or "" ? "Missing X-Amz-Target header." : $"Operation {target} is not supported.");

    public static AwsServiceException Serialization(string detail) =>
        new("SerializationException", detail);

    /// <summary>A request without an Authorization header, to a simulator that verifies signatures.</summary>
    public static AwsServiceException MissingAuthenticationToken() =>
        new("MissingAuthenticationTokenException", "Request is missing Authentication Token");

    /// <summary>An Authorization header that lacks what SigV4 needs.</summary>
    public static AwsServiceException IncompleteSignature(string detail) =>
        new("IncompleteSignatureException", detail);

    /// <summary>An access key id (or session token) the simulator does not know.</summary>
    public static AwsServiceException UnrecognizedClient() =>
        new("UnrecognizedClientException", "The security token included in the request is invalid.");

    /// <summary>A signature that does not match the request (wrong secret, changed body or headers), or is out of date.</summary>
    public static AwsServiceException InvalidSignature(string message =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.") =>
        new("InvalidSignatureException", message);

    public static AwsServiceException Server(string message = "Service Unavailable. Please try again later.") =>
        new("ServerException", message, HttpStatusCode.InternalServerError);
}
