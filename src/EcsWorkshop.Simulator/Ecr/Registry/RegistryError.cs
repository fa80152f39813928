using System.Net;
using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>
/// An error of the registry protocol, thrown at the <c>/v2/</c> edge only: one of <see cref="RegistryErrors"/> with
/// its message and an optional <c>detail</c> object.
/// </summary>
public sealed class RegistryError(ServiceError error, string message, object? detail = null) : Exception(message)
{
    /// <summary>Which error this is.</summary>
    public ServiceError Error { get; } = error;

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status => Error.Status;

    /// <summary>The distribution error code (<c>BLOB_UNKNOWN</c>).</summary>
    public string Code => Error.Code;

    /// <summary>The error's <c>detail</c>, or null.</summary>
    public object? Detail { get; } = detail;
}
