namespace EcsWorkshop.Simulator.Errors;

/// <summary>
/// What the domain throws when it refuses a request: one of its service's <see cref="ServiceError"/>s with the
/// message filled in. The protocol edges (the JSON 1.1 endpoint, the <c>/v2/</c> registry) turn it into their
/// own error shape; the domain knows no wire.
/// </summary>
public sealed class DomainError(ServiceError error, string message) : Exception(message)
{
    /// <summary>Which error this is.</summary>
    public ServiceError Error { get; } = error;

    /// <summary>The AWS error code (<c>ClusterNotFoundException</c>).</summary>
    public string Code => Error.Code;

    public override string ToString() => $"{Code}: {Message}";
}
