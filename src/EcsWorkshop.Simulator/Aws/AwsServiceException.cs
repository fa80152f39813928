using System.Net;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// An error the simulated service answers with, in AWS's terms: the error code (the <c>__type</c> on the wire),
/// the message AWS would send, and the HTTP status (400 for client errors, 500 for server faults).
/// </summary>
public class AwsServiceException(string code, string message, HttpStatusCode status = HttpStatusCode.BadRequest)
    : Exception(message)
{
    /// <summary>The AWS error code, for example <c>ClusterNotFoundException</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The HTTP status the error is sent with.</summary>
    public HttpStatusCode Status { get; } = status;

    public override string ToString() => $"{Code}: {Message}";
}
