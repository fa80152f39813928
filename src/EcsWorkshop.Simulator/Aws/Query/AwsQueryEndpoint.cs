using EcsWorkshop.Simulator.Hosting;
using System.Net;
using System.Text;
using System.Xml.Linq;
using EcsWorkshop.Simulator.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Aws.Query;

/// <summary>
/// The HTTP edge of every Query service: a form-encoded <c>POST /</c> with <c>Action</c> and <c>Version</c>, routed to
/// the service the request was signed for (the SigV4 credential scope), or else by its <c>Version</c>; answered with
/// XML in that service's dialect, the request id in <c>x-amzn-RequestId</c>, by the services of the account the request
/// was signed for (<see cref="ServedAccounts"/>); the classroom's observers are told.
/// </summary>
public sealed class AwsQueryEndpoint(ServedAccounts accounts, RequestSigning signing, ILogger<AwsQueryEndpoint> logger)
{
    /// <summary>The content type Query clients send (the AWS CLI adds <c>; charset=utf-8</c>).</summary>
    public const string FormContentType = "application/x-www-form-urlencoded";

    private readonly IReadOnlyList<AwsQueryService> _services = accounts.Default.Simulation.QueryServices;

    /// <summary>Every Query service served.</summary>
    public IReadOnlyList<AwsQueryService> Services => _services;

    /// <summary>Whether a request is a Query request (a form body).</summary>
    public static bool Accepts(HttpRequest request) =>
        request.ContentType?.StartsWith(FormContentType, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Handles one request: routes it, authenticates it (when signatures are verified), answers it.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        var requestId = RequestIds.New();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        AwsQueryService? service = null;
        string? accountId = null;
        string? action = null;
        try
        {
            var body = await ReadBodyAsync(http).ConfigureAwait(false);
            var request = QueryRequest.Parse(Encoding.UTF8.GetString(body));
            action = request.Action;
            service = Route(http.Request, request);
            var caller = signing.CallerOf(http.Request, body, service?.SigningName);
            accountId = caller.AccountId;
            if (service is null) throw QueryErrors.UnknownService.At(request.Action ?? "", request.Version ?? "");
            service = accounts.Of(caller).QueryServiceLike(service);
            var context = new RequestContext(caller.Region, caller.AccountId, requestId);
            var members = service.Invoke(request.Action ?? "", context, request);
            await WriteAsync(http, HttpStatusCode.OK, service.Dialect.Success(service.Namespace, request.Action!, requestId, members)).ConfigureAwait(false);
            accounts.Answered(accountId, service.SigningName, action ?? "", http.Response.StatusCode, null, null);
        }
        catch (DomainError refused)
        {
            await WriteErrorAsync(http, service, refused.Error, refused.Message, requestId).ConfigureAwait(false);
            accounts.Answered(accountId, service?.SigningName ?? "", action ?? "", http.Response.StatusCode, refused.Error.Code, refused.Message);
        }
        catch (AwsServiceException refused)
        {
            await WriteErrorAsync(http, service, refused.Error, refused.Message, requestId).ConfigureAwait(false);
            accounts.Answered(accountId ?? signing.ClaimedAccountOf(http.Request), service?.SigningName ?? "", action ?? "", http.Response.StatusCode,
                refused.Error.Code, refused.Message);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            logger.LogError(unexpected, "Unexpected failure in a Query request");
            await WriteErrorAsync(http, service, AwsErrors.Server, AwsErrors.Server.Format(), requestId).ConfigureAwait(false);
            accounts.Answered(accountId, service?.SigningName ?? "", action ?? "", http.Response.StatusCode, AwsErrors.Server.Code, AwsErrors.Server.Format());
        }
    }

    private AwsQueryService? Route(HttpRequest http, QueryRequest request)
    {
        var signedFor = SigV4CredentialScope.ServiceOf(http.Headers.Authorization);
        var bySigning = _services.Where(s => s.SigningName == signedFor).ToList();
        return bySigning.FirstOrDefault(s => s.Version == request.Version)
            ?? bySigning.FirstOrDefault()
            ?? _services.FirstOrDefault(s => s.Version == request.Version);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static Task WriteErrorAsync(HttpContext http, AwsQueryService? service, ServiceError error, string message, string requestId)
    {
        var dialect = service?.Dialect ?? QueryDialect.Wrapped;
        var ns = service?.Namespace ?? XNamespace.None;
        return WriteAsync(http, error.Status, dialect.Failure(ns, error, message, requestId));
    }

    private static async Task WriteAsync(HttpContext http, HttpStatusCode status, XDocument document)
    {
        http.Response.StatusCode = (int)status;
        http.Response.ContentType = "text/xml";
        var text = document.Declaration is null ? document.ToString(SaveOptions.DisableFormatting) : document.ToString();
        await http.Response.WriteAsync(text, http.RequestAborted).ConfigureAwait(false);
    }
}
