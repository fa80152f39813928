using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// The HTTP edge of every JSON 1.1 service: <c>POST /</c>, routed on the <c>X-Amz-Target</c> prefix,
/// answered with the operation's output or an error in AWS's shape (<c>__type</c> and <c>message</c>).
/// </summary>
public sealed class AwsJsonEndpoint(IEnumerable<AwsJsonService> services, ILogger<AwsJsonEndpoint> logger)
{
    private readonly Dictionary<string, AwsJsonService> _byPrefix =
        services.ToDictionary(s => s.TargetPrefix, StringComparer.Ordinal);

    /// <summary>Every service served, by target prefix.</summary>
    public IReadOnlyDictionary<string, AwsJsonService> Services => _byPrefix;

    /// <summary>Handles one request.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        var context = RequestContext.For(
            SigV4CredentialScope.RegionOf(http.Request.Headers.Authorization) ?? RequestContext.DefaultRegion);
        http.Response.Headers["x-amzn-RequestId"] = context.RequestId;
        try
        {
            var target = http.Request.Headers["X-Amz-Target"].ToString();
            var dot = target.LastIndexOf('.');
            if (dot <= 0 || !_byPrefix.TryGetValue(target[..dot], out var service))
                throw AwsErrors.UnknownOperation(target);

            using var body = await ReadBodyAsync(http).ConfigureAwait(false);
            var result = await service.InvokeAsync(target[(dot + 1)..], context, body.RootElement).ConfigureAwait(false);
            await WriteAsync(http, HttpStatusCode.OK, result, result.GetType()).ConfigureAwait(false);
        }
        catch (AwsServiceException error)
        {
            await WriteErrorAsync(http, error).ConfigureAwait(false);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            logger.LogError(unexpected, "Unexpected failure in {Target}", http.Request.Headers["X-Amz-Target"].ToString());
            await WriteErrorAsync(http, AwsErrors.Server()).ConfigureAwait(false);
        }
    }

    private static async Task<JsonDocument> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        if (buffer.Length == 0) return JsonDocument.Parse("{}");
        try
        {
            return JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = AwsJson.MaxRequestDepth });
        }
        catch (JsonException)
        {
            throw AwsErrors.Serialization("The request body is not valid JSON.");
        }
    }

    private static Task WriteErrorAsync(HttpContext http, AwsServiceException error)
    {
        http.Response.Headers["X-Amzn-Errortype"] = error.Code;
        return WriteAsync(http, error.Status, new ErrorShape(error.Code, error.Message), typeof(ErrorShape));
    }

    private static async Task WriteAsync(HttpContext http, HttpStatusCode status, object body, Type type)
    {
        http.Response.StatusCode = (int)status;
        http.Response.ContentType = AwsJson.ContentType;
        await JsonSerializer.SerializeAsync(http.Response.Body, body, type, AwsJson.Options, http.RequestAborted).ConfigureAwait(false);
    }

    private sealed record ErrorShape(
        [property: System.Text.Json.Serialization.JsonPropertyName("__type")] string Type,
        string Message);
}
