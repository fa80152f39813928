using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EcsWorkshop.Aws.Transport;

/// <summary>
/// The AWS JSON 1.1 protocol (ECS, ECR, CloudWatch Logs): <c>POST /</c> with
/// <c>Content-Type: application/x-amz-json-1.1</c> and <c>X-Amz-Target: PREFIX.Operation</c>, the input as JSON;
/// the output as JSON, or an error read the way the AWS CLI reads it.
/// Shapes are (de)serialized with source-generated metadata, so no reflection is needed.
/// </summary>
public sealed class AwsJsonClient : IDisposable
{
    /// <summary>The content type of requests and responses (no charset).</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();
    private readonly AwsHttpTransport _transport;

    /// <summary>A client for one JSON service, for example ECS with <c>AmazonEC2ContainerServiceV20141113</c>.</summary>
    public AwsJsonClient(AwsService service, string targetPrefix, AwsClientSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetPrefix);
        TargetPrefix = targetPrefix;
        _transport = new AwsHttpTransport(service, settings);
    }

    /// <summary>The part of <c>X-Amz-Target</c> before the dot.</summary>
    public string TargetPrefix { get; }

    /// <summary>The URL requests are posted to.</summary>
    public Uri Endpoint => _transport.Endpoint;

    /// <summary>Calls an operation with a typed input and returns its typed output.</summary>
    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken = default)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        var response = await _transport.SendAsync(
            () => Build(operation, payload),
            (http, body) => ParseError(http, body, _transport.Service.SigningName, operation),
            cancellationToken).ConfigureAwait(false);
        var body = response.Body.Length == 0 ? EmptyObject : response.Body;
        try
        {
            return JsonSerializer.Deserialize(body, responseType)
                ?? throw new JsonException("The response body was null.");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException(
                "InvalidResponse", $"The {operation} response could not be read: {e.Message}",
                response.StatusCode, response.RequestId, _transport.Service.SigningName, operation);
        }
    }

    private HttpRequestMessage Build(string operation, byte[] payload)
    {
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, _transport.Endpoint) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{TargetPrefix}.{operation}");
        return request;
    }

    /// <summary>
    /// Reads a JSON 1.1 error as the AWS CLI does: the code from <c>x-amzn-query-error</c>, else
    /// <c>X-Amzn-Errortype</c>, else the body's <c>__type</c> (or <c>code</c>), else the HTTP status; text before the
    /// last <c>#</c> dropped; the message from <c>message</c> or <c>Message</c>.
    /// </summary>
    internal static AwsServiceException ParseError(HttpResponseMessage response, byte[] body, string service, string operation)
    {
        string? typeInBody = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                typeInBody = StringMember(document.RootElement, "__type") ?? StringMember(document.RootElement, "code");
                message = StringMember(document.RootElement, "message") ?? StringMember(document.RootElement, "Message");
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML page from a proxy or a crashed mock): the status code stands for the error.
        }

        var code = AwsErrorCodes.FromQueryErrorHeader(AwsHttpTransport.Header(response, "x-amzn-query-error"))
            ?? AwsHttpTransport.Header(response, "X-Amzn-Errortype")
            ?? typeInBody;
        code = code is null ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : AwsErrorCodes.Sanitize(code);
        return new AwsServiceException(
            code,
            message ?? response.ReasonPhrase ?? "",
            response.StatusCode,
            AwsHttpTransport.RequestIdOf(response),
            service,
            operation);
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public void Dispose() => _transport.Dispose();
}
