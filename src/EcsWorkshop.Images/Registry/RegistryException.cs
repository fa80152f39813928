using System.Net;

namespace EcsWorkshop.Images.Registry;

/// <summary>
/// A registry refused a request or could not be reached: the request, the HTTP status and the distribution error
/// code (<c>UNAUTHORIZED</c>, <c>NAME_UNKNOWN</c>, <c>BLOB_UPLOAD_INVALID</c>…), with the registry's message in a
/// sentence for developers (<see cref="Exception.Message"/>) and one for learners (<see cref="JapaneseMessage"/>).
/// </summary>
public sealed class RegistryException(string message, string japaneseMessage, string request, HttpStatusCode? status = null,
    string? code = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The request that failed, <c>PUT http://localhost:4566/v2/web/manifests/latest</c>.</summary>
    public string Request { get; } = request;

    /// <summary>The HTTP status, or null when the registry could not be reached.</summary>
    public HttpStatusCode? StatusCode { get; } = status;

    /// <summary>The registry's error code, or null when it gave none.</summary>
    public string? Code { get; } = code;

    /// <summary>The message in Japanese, for learners.</summary>
    public string JapaneseMessage { get; } = japaneseMessage;
}
