using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// A verifying simulator against requests signed by the AWS SDK for .NET's own signer (which also signs
/// content-length and x-amz-content-sha256): they are accepted, and one whose body is changed after signing is not.
/// </summary>
public sealed class SignatureVerificationWithSdkSignerTests(VerifyingSimulator simulator) : IClassFixture<VerifyingSimulator>
{
    private const string EcsTarget = "AmazonEC2ContainerServiceV20141113.";

    /// <summary>Records what was sent and, when asked, swaps the body after the signer has signed it.</summary>
    private sealed class AfterSigning(Func<byte[], byte[]>? tamper) : DelegatingHandler(new SocketsHttpHandler())
    {
        public string? Authorization { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null;
            if (tamper is not null && request.Content is { } content)
            {
                var changed = new ByteArrayContent(tamper(await content.ReadAsByteArrayAsync(cancellationToken)));
                foreach (var header in content.Headers.Where(h => h.Key != "Content-Length")) changed.Headers.TryAddWithoutValidation(header.Key, header.Value);
                request.Content = changed;
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string? Authorization)> CallAsync(
        string operation, object request, string secret = SignatureVerification.WorkshopSecretAccessKey, Func<byte[], byte[]>? tamper = null)
    {
        var wire = new AfterSigning(tamper);
        var signer = new SigV4SigningHandler(new BasicAWSCredentials(SignatureVerification.WorkshopAccessKeyId, secret), RegionEndpoint.APNortheast1, "ecs", wire);
        using var http = new HttpClient(signer) { BaseAddress = simulator.Server.Endpoint };
        using var message = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request)) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(AwsJson.ContentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", EcsTarget + operation);
        using var response = await http.SendAsync(message);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), wire.Authorization);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_request_signed_by_the_SDK_is_accepted()
    {
        var (status, body, authorization) = await CallAsync("CreateCluster", new { clusterName = "sdk-signed" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("sdk-signed", body.GetProperty("cluster").GetProperty("clusterName").GetString());
        Assert.Contains("x-amz-content-sha256", authorization);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_body_changed_after_signing_is_InvalidSignatureException_and_changes_nothing()
    {
        var clusters = simulator.Server.Engine.World.Clusters;

        var (status, body, _) = await CallAsync("CreateCluster", new { clusterName = "honest" },
            tamper: bytes => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("honest", "forged", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidSignatureException", body.GetProperty("__type").GetString());
        Assert.Same(clusters, simulator.Server.Engine.World.Clusters);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_wrong_secret_is_InvalidSignatureException()
    {
        var (status, body, _) = await CallAsync("ListClusters", new { }, secret: "guessed");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidSignatureException", body.GetProperty("__type").GetString());
    }
}
