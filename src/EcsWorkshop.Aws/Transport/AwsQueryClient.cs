using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EcsWorkshop.Aws.Transport;

/// <summary>
/// The AWS query protocol (IAM, STS, EC2): <c>POST /</c> with a form-encoded body <c>Action=…&amp;Version=…</c> and
/// the input members; the answer is XML. Errors come as <c>ErrorResponse/Error</c> (IAM, STS) or
/// <c>Response/Errors/Error</c> (EC2), each with a <c>Code</c> and a <c>Message</c>.
/// </summary>
public sealed class AwsQueryClient : IDisposable
{
    /// <summary>The content type of requests.</summary>
    public const string ContentType = "application/x-www-form-urlencoded";

    private readonly AwsHttpTransport _transport;

    /// <summary>A client for one query service and API version, for example IAM <c>2010-05-08</c>.</summary>
    public AwsQueryClient(AwsService service, string apiVersion, AwsClientSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiVersion);
        ApiVersion = apiVersion;
        _transport = new AwsHttpTransport(service, settings);
    }

    /// <summary>The API version every request names.</summary>
    public string ApiVersion { get; }

    /// <summary>The URL requests are posted to.</summary>
    public Uri Endpoint => _transport.Endpoint;

    /// <summary>
    /// Calls an action and returns the XML answer's root element (for example <c>GetRoleResponse</c>).
    /// Element names are compared without their namespace by <see cref="QueryXml"/>.
    /// </summary>
    public async Task<XElement> InvokeAsync(string action, QueryParameters parameters, CancellationToken cancellationToken = default)
    {
        var form = Encode(action, parameters);
        var response = await _transport.SendAsync(
            () => Build(form),
            (http, body) => ParseError(http, body, _transport.Service.SigningName, action),
            cancellationToken).ConfigureAwait(false);
        try
        {
            return XDocument.Parse(Encoding.UTF8.GetString(response.Body)).Root
                ?? throw new XmlException("The response has no root element.");
        }
        catch (XmlException e)
        {
            throw new AwsServiceException(
                "InvalidResponse", $"The {action} response could not be read: {e.Message}",
                response.StatusCode, response.RequestId, _transport.Service.SigningName, action);
        }
    }

    private string Encode(string action, QueryParameters parameters)
    {
        var builder = new StringBuilder();
        Append(builder, "Action", action);
        Append(builder, "Version", ApiVersion);
        foreach (var (name, value) in parameters) Append(builder, name, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string name, string value)
    {
        if (builder.Length > 0) builder.Append('&');
        builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    private HttpRequestMessage Build(string form)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(form));
        content.Headers.ContentType = new MediaTypeHeaderValue(ContentType) { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, _transport.Endpoint) { Content = content };
    }

    /// <summary>
    /// Reads a query-protocol error: the first <c>Error</c> element's <c>Code</c> and <c>Message</c>, whichever the
    /// envelope (<c>ErrorResponse</c> or <c>Response/Errors</c>); the request id from the header or the body.
    /// Without XML the HTTP status stands for the code.
    /// </summary>
    internal static AwsServiceException ParseError(HttpResponseMessage response, byte[] body, string service, string action)
    {
        string? code = null, message = null, requestId = null;
        try
        {
            var root = XDocument.Parse(Encoding.UTF8.GetString(body)).Root;
            var error = root?.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "Error");
            code = error.ChildText("Code");
            message = error.ChildText("Message");
            requestId = root?.Elements().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
        }
        catch (XmlException)
        {
            // Not XML: fall back on the header and the status.
        }
        code ??= AwsErrorCodes.FromQueryErrorHeader(AwsHttpTransport.Header(response, "x-amzn-query-error"))
            ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        return new AwsServiceException(
            AwsErrorCodes.Sanitize(code),
            message ?? response.ReasonPhrase ?? "",
            response.StatusCode,
            AwsHttpTransport.RequestIdOf(response) ?? requestId,
            service,
            action);
    }

    public void Dispose() => _transport.Dispose();
}
