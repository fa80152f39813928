using System.Net;
using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// An error of the JSON 1.1 edge itself (routing, parsing, signatures; see <see cref="AwsErrors"/>), in AWS's
/// terms: the error code (the <c>__type</c> on the wire), the message and the HTTP status. The domain throws
/// <see cref="DomainError"/> instead; both are written the same way.
/// </summary>
public sealed class AwsServiceException(ServiceError error, string message) : Exception(message)
{
    /// <summary>Which error this is.</summary>
    public ServiceError Error { get; } = error;

    /// <summary>The AWS error code, for example <c>InvalidSignatureException</c>.</summary>
    public string Code => Error.Code;

    /// <summary>The HTTP status the error is sent with.</summary>
    public HttpStatusCode Status => Error.Status;

    public override string ToString() => $"{Code}: {Message}";
}
