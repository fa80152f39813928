using System.Net;
using System.Text.Json;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// The HTTP edge of every JSON 1.1 service: <c>POST /</c>, routed on the <c>X-Amz-Target</c> prefix,
/// answered with the operation's output or an error in AWS's shape (<c>__type</c> and <c>message</c>).
/// </summary>
public sealed class AwsJsonEndpoint(IEnumerable<AwsJsonService> services, RequestSigning signing, ILogger<AwsJsonEndpoint> logger)
{
    private readonly Dictionary<string, AwsJsonService> _byPrefix =
        services.ToDictionary(s => s.TargetPrefix, StringComparer.Ordinal);

    /// <summary>Every service served, by target prefix.</summary>
    public IReadOnlyDictionary<string, AwsJsonService> Services => _byPrefix;

    /// <summary>Handles one request: authenticates it (when signatures are verified), routes it, answers it.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        try
        {
            var target = http.Request.Headers["X-Amz-Target"].ToString();
            var dot = target.LastIndexOf('.');
            var service = dot > 0 ? _byPrefix.GetValueOrDefault(target[..dot]) : null;
            var body = await AwsJsonWire.ReadBodyAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
            var region = signing.RegionOf(http.Request, body, service?.SigningName);
            if (service is null) throw AwsErrors.UnknownTarget(target);

            using var json = AwsJsonWire.Parse(body);
            var context = new RequestContext(region, SimulatedAccount.Id, requestId);
            var result = await service.InvokeAsync(target[(dot + 1)..], context, json.RootElement).ConfigureAwait(false);
            await WriteAsync(http, HttpStatusCode.OK, result, result.GetType(), service.Options).ConfigureAwait(false);
        }
        catch (DomainError refused)
        {
            await WriteErrorAsync(http, refused.Error, refused.Message).ConfigureAwait(false);
        }
        catch (AwsServiceException refused)
        {
            await WriteErrorAsync(http, refused.Error, refused.Message).ConfigureAwait(false);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            logger.LogError(unexpected, "Unexpected failure in {Target}", http.Request.Headers["X-Amz-Target"].ToString());
            await WriteErrorAsync(http, AwsErrors.Server, AwsErrors.Server.Format()).ConfigureAwait(false);
        }
    }

    /// <summary>An error in AWS's JSON shape: <c>__type</c> and <c>message</c> in the body, the code in <c>X-Amzn-Errortype</c>.</summary>
    private static Task WriteErrorAsync(HttpContext http, ServiceError error, string message)
    {
        http.Response.Headers["X-Amzn-Errortype"] = error.Code;
        return WriteAsync(http, error.Status, new ErrorShape(error.Code, message), typeof(ErrorShape));
    }

    private static Task WriteAsync(HttpContext http, HttpStatusCode status, object body, Type type, JsonSerializerOptions? options = null) =>
        AwsJsonWire.WriteAsync(http, status, body, type, options ?? AwsJson.Options);

    private sealed record ErrorShape(
        [property: System.Text.Json.Serialization.JsonPropertyName("__type")] string Type,
        string Message);
}
