using System.Net;

namespace EcsWorkshop.Aws;

/// <summary>
/// An error an AWS service answered with: its code (for example <c>ClusterNotFoundException</c>), its own message,
/// the HTTP status, the request id, and which service and operation were called. The exception's
/// <see cref="Exception.Message"/> reads like the AWS CLI's:
/// <c>An error occurred (Code) when calling the Operation operation: message</c>.
/// </summary>
public sealed class AwsServiceException(
    string errorCode,
    string errorMessage,
    HttpStatusCode statusCode,
    string? requestId,
    string service,
    string operation)
    : Exception($"An error occurred ({errorCode}) when calling the {operation} operation: {errorMessage}")
{
    /// <summary>The AWS error code, for example <c>ClusterNotFoundException</c> or <c>NoSuchEntity</c>.</summary>
    public string ErrorCode { get; } = errorCode;

    /// <summary>The message the service sent (may be empty).</summary>
    public string ErrorMessage { get; } = errorMessage;

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The service's request id (<c>x-amzn-RequestId</c>), when it sent one.</summary>
    public string? RequestId { get; } = requestId;

    /// <summary>The service called, by its SigV4 name (<c>ecs</c>, <c>ecr</c>, <c>logs</c>, <c>iam</c>, <c>sts</c>, <c>ec2</c>).</summary>
    public string Service { get; } = service;

    /// <summary>The operation called, for example <c>DescribeClusters</c>.</summary>
    public string Operation { get; } = operation;

    /// <summary>True for a server-side fault (HTTP 5xx).</summary>
    public bool IsServerFault => (int)StatusCode >= 500;
}
