using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace EcsWorkshop.Bench.Api;

/// <summary>One answer: the HTTP status and the JSON body (an error's <c>__type</c> and message for a failure).</summary>
public sealed record AwsAnswer(int Status, JsonNode? Body)
{
    /// <summary>True for a 2xx answer.</summary>
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The AWS error code of a failure (<c>__type</c>), or the status when the body has none.</summary>
    public string ErrorCode => Body is JsonObject o && o["__type"]?.GetValue<string>() is { } type ? type : $"HTTP {Status}";
}

/// <summary>Thrown when a request the benchmark depends on does not succeed.</summary>
public sealed class AwsCallFailedException(string operation, AwsAnswer answer)
    : Exception($"{operation} failed: {answer.ErrorCode} {answer.Body?.ToJsonString()}")
{
    public AwsAnswer Answer { get; } = answer;
}

/// <summary>
/// A JSON 1.1 client over <see cref="HttpClient"/>, as the AWS CLI and SDKs speak it: <c>POST /</c> with
/// <c>X-Amz-Target</c> and a real SigV4 signature (AWSSDK.Core's signing handler, made-up credentials).
/// One instance is shared by every simulated client; it opens a connection per concurrent request.
/// </summary>
public sealed class AwsJsonClient : IDisposable
{
    /// <summary>The region every benchmark request is signed for.</summary>
    public const string Region = "ap-northeast-1";

    private static readonly MediaTypeHeaderValue JsonContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");

    private readonly HttpClient _http;
    private readonly string _targetPrefix;

    /// <summary>A client for the service with <paramref name="targetPrefix"/> signed as <paramref name="signingName"/> at <paramref name="endpoint"/>.</summary>
    public AwsJsonClient(Uri endpoint, string targetPrefix, string signingName)
    {
        var transport = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        var signing = new SigV4SigningHandler(new BasicAWSCredentials("AKIDBENCHMARK", "bench-secret"), RegionEndpoint.GetBySystemName(Region), signingName, transport);
        _http = new HttpClient(signing) { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(60) };
        _targetPrefix = targetPrefix;
    }

    /// <summary>An ECS client.</summary>
    public static AwsJsonClient Ecs(Uri endpoint) => new(endpoint, "AmazonEC2ContainerServiceV20141113", "ecs");

    /// <summary>An ECR client.</summary>
    public static AwsJsonClient Ecr(Uri endpoint) => new(endpoint, "AmazonEC2ContainerRegistry_V20150921", "ecr");

    /// <summary>Sends one operation with <paramref name="input"/> (any object JSON can serialize) and reads the answer.</summary>
    public async Task<AwsAnswer> CallAsync(string operation, object input, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(input)),
        };
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{_targetPrefix}.{operation}");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        JsonNode? body;
        try
        {
            body = bytes.Length == 0 ? null : JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            body = JsonValue.Create(System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 300)));
        }
        return new AwsAnswer((int)response.StatusCode, body);
    }

    /// <summary>Sends one operation that must succeed; returns its body.</summary>
    public async Task<JsonNode> RequireAsync(string operation, object input, CancellationToken cancellationToken = default)
    {
        var answer = await CallAsync(operation, input, cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded) throw new AwsCallFailedException(operation, answer);
        return answer.Body ?? new JsonObject();
    }

    public void Dispose() => _http.Dispose();
}
