using System.Net;
using Amazon.Runtime.Signing;

namespace EcsWorkshop.Aws.Transport;

/// <summary>What came back for one successful request.</summary>
internal sealed record AwsHttpResponse(HttpStatusCode StatusCode, byte[] Body, string? RequestId);

/// <summary>
/// The HTTP part shared by both protocols: an <see cref="HttpClient"/> whose handler signs every request with SigV4
/// (AWSSDK.Core's <see cref="SigV4SigningHandler"/>), and the retry loop. A request is built afresh for each
/// attempt, so each attempt is signed with its own time.
/// </summary>
internal sealed class AwsHttpTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly AwsClientSettings _settings;

    public AwsHttpTransport(AwsService service, AwsClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        Service = service;
        var (endpoint, signingRegion) = service.Locate(settings.Region, settings.EndpointOverride);
        Endpoint = endpoint;
        var network = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        _http = new HttpClient(new SigV4SigningHandler(settings.Credentials, signingRegion, service.SigningName, network))
        {
            Timeout = settings.AttemptTimeout,
        };
    }

    /// <summary>The service spoken to.</summary>
    public AwsService Service { get; }

    /// <summary>The URL requests are posted to.</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// Sends a request (built by <paramref name="build"/> for every attempt) and returns the successful answer, or
    /// throws the <see cref="AwsServiceException"/> <paramref name="parseError"/> makes of the final failure.
    /// Connection failures that outlast the attempts are rethrown as they are.
    /// </summary>
    public async Task<AwsHttpResponse> SendAsync(
        Func<HttpRequestMessage> build,
        Func<HttpResponseMessage, byte[], AwsServiceException> parseError,
        CancellationToken cancellationToken)
    {
        var policy = _settings.Retry;
        var maxAttempts = Math.Max(1, policy.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= maxAttempts;
            HttpResponseMessage response;
            byte[] body;
            try
            {
                using var request = build();
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (!last)
            {
                await WaitAsync(policy, attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (TaskCanceledException) when (!last && !cancellationToken.IsCancellationRequested)
            {
                // The attempt timed out (HttpClient.Timeout), not cancelled by the caller.
                await WaitAsync(policy, attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                    return new AwsHttpResponse(response.StatusCode, body, RequestIdOf(response));
                var error = parseError(response, body);
                if (last || !AwsRetryPolicy.IsRetryable(error)) throw error;
            }
            await WaitAsync(policy, attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task WaitAsync(AwsRetryPolicy policy, int attempt, CancellationToken cancellationToken) =>
        Task.Delay(policy.DelayBefore(attempt, Random.Shared.NextDouble()), _settings.Time, cancellationToken);

    /// <summary>The request id AWS services put in a header (query services also put it in the body).</summary>
    public static string? RequestIdOf(HttpResponseMessage response) =>
        Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id");

    /// <summary>A response header's first value, or null.</summary>
    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? values.FirstOrDefault()
            : null;

    public void Dispose() => _http.Dispose();
}
