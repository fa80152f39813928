using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// One client of the simulator's JSON services over real HTTP (its own connection pool), the way an SDK sends:
/// JSON 1.1 with a SigV4 credential scope for the tests' region (the signature itself is not checked unless the
/// server verifies signatures).
/// </summary>
public sealed class AwsJsonClient(Uri endpoint) : IDisposable
{
    public const string Ecs = "AmazonEC2ContainerServiceV20141113";
    public const string Ecr = "AmazonEC2ContainerRegistry_V20150921";

    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Calls <c>PREFIX.Operation</c>; returns the status and the JSON answer.</summary>
    public async Task<(HttpStatusCode Status, JsonNode Body)> CallAsync(string prefix, string operation, object request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request)) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(AwsJson.ContentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", $"{prefix}.{operation}");
        message.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIAWORKSHOPEXAMPLE/20261129/{SimulatedWorld.Region}/ecs/aws4_request, SignedHeaders=host;x-amz-target, Signature=0");
        using var response = await _http.SendAsync(message);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>Calls an ECS operation that must succeed; returns its JSON.</summary>
    public async Task<JsonNode> EcsAsync(string operation, object request)
    {
        var (status, body) = await CallAsync(Ecs, operation, request);
        Assert.True(status == HttpStatusCode.OK, $"{operation} answered {(int)status}: {body.ToJsonString()}");
        return body;
    }

    public void Dispose() => _http.Dispose();
}
