using System.Net;
using System.Text.Json;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// The HTTP edge of every JSON 1.1 service: <c>POST /</c>, routed on the <c>X-Amz-Target</c> prefix,
/// answered with the operation's output or an error in AWS's shape (<c>__type</c> and <c>message</c>), by the services
/// of the account the request was signed for (<see cref="ServedAccounts"/>); the classroom's observers are told.
/// </summary>
public sealed class AwsJsonEndpoint(ServedAccounts accounts, RequestSigning signing, ILogger<AwsJsonEndpoint> logger)
{
    private readonly Dictionary<string, AwsJsonService> _byPrefix =
        accounts.Default.Simulation.Services.ToDictionary(s => s.TargetPrefix, StringComparer.Ordinal);

    /// <summary>Every service served, by target prefix.</summary>
    public IReadOnlyDictionary<string, AwsJsonService> Services => _byPrefix;

    /// <summary>Handles one request: authenticates it (when signatures are verified), routes it, answers it.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        var requestId = RequestIds.New();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        string? accountId = null;
        try
        {
            var target = http.Request.Headers["X-Amz-Target"].ToString();
            var dot = target.LastIndexOf('.');
            var service = dot > 0 ? _byPrefix.GetValueOrDefault(target[..dot]) : null;
            var body = await AwsJsonWire.ReadBodyAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
            var caller = signing.CallerOf(http.Request, body, service?.SigningName);
            accountId = caller.AccountId;
            if (service is null) throw AwsErrors.UnknownTarget(target);
            service = accounts.Of(caller).JsonService(service.TargetPrefix)!;

            using var json = AwsJsonWire.Parse(body);
            var context = new RequestContext(caller.Region, caller.AccountId, requestId);
            var result = await service.InvokeAsync(target[(dot + 1)..], context, json.RootElement).ConfigureAwait(false);
            await AwsJsonWire.WriteAsync(http, HttpStatusCode.OK, result, service).ConfigureAwait(false);
            Tell(http, accountId, null, null);
        }
        catch (DomainError refused)
        {
            await WriteErrorAsync(http, refused.Error, refused.Message).ConfigureAwait(false);
            Tell(http, accountId, refused.Error, refused.Message);
        }
        catch (AwsServiceException refused)
        {
            await WriteErrorAsync(http, refused.Error, refused.Message).ConfigureAwait(false);
            Tell(http, accountId ?? signing.ClaimedAccountOf(http.Request), refused.Error, refused.Message);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            logger.LogError(unexpected, "Unexpected failure in {Target}", http.Request.Headers["X-Amz-Target"].ToString());
            await WriteErrorAsync(http, AwsErrors.Server, AwsErrors.Server.Format()).ConfigureAwait(false);
            Tell(http, accountId, AwsErrors.Server, AwsErrors.Server.Format());
        }
    }

    /// <summary>Tells the classroom's observers the call was answered (its operation read from <c>X-Amz-Target</c>).</summary>
    private void Tell(HttpContext http, string? accountId, ServiceError? error, string? message)
    {
        if (!accounts.IsObserved) return;
        var target = http.Request.Headers["X-Amz-Target"].ToString();
        var dot = target.LastIndexOf('.');
        var service = dot > 0 ? _byPrefix.GetValueOrDefault(target[..dot])?.SigningName ?? "" : "";
        accounts.Answered(accountId, service, dot > 0 ? target[(dot + 1)..] : target, http.Response.StatusCode, error?.Code, message);
    }

    /// <summary>An error in AWS's JSON shape: <c>__type</c> and <c>message</c> in the body, the code in <c>X-Amzn-Errortype</c>.</summary>
    private static Task WriteErrorAsync(HttpContext http, ServiceError error, string message)
    {
        http.Response.Headers["X-Amzn-Errortype"] = error.Code;
        return WriteAsync(http, error.Status, new ErrorShape(error.Code, message), typeof(ErrorShape));
    }

    private static Task WriteAsync(HttpContext http, HttpStatusCode status, object body, Type type) =>
        AwsJsonWire.WriteAsync(http, status, body, type, AwsJson.Options);

    private sealed record ErrorShape(
        [property: System.Text.Json.Serialization.JsonPropertyName("__type")] string Type,
        string Message);
}
