using System.Net;
using System.Text;
using System.Text.Json;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// <c>workshop serve --verify-signatures</c> with the real AWS CLI: the workshop's key pair works for ECS, ECR and
/// Logs (and the registry password it gets); a wrong secret or an unknown key id is refused as AWS refuses them.
/// </summary>
public sealed class SignatureVerificationWithAwsCliTests(VerifyingSimulator simulator) : IClassFixture<VerifyingSimulator>
{
    private AwsCli Cli(string accessKeyId = "AKIAWORKSHOPEXAMPLE", string secretAccessKey = "workshop-secret-key-example") =>
        new(simulator.Server.Endpoint, accessKeyId: accessKeyId, secretAccessKey: secretAccessKey);

    [Fact(Timeout = 60_000)]
    public async Task The_workshop_key_pair_is_accepted_by_every_service()
    {
        var created = (await Cli().RunAsync("ecs", "create-cluster", "--cluster-name", "signed")).Succeeded().Json;
        (await Cli().RunAsync("ecr", "create-repository", "--repository-name", "signed")).Succeeded();
        (await Cli().RunAsync("logs", "create-log-group", "--log-group-name", "/signed")).Succeeded();
        var password = (await Cli().RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();

        using var registry = new RegistryHttp(simulator.Server.Endpoint);
        registry.UsePassword(password);
        var tags = await registry.Client.GetAsync("/v2/signed/tags/list");

        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:cluster/signed", created.GetProperty("cluster").GetProperty("clusterArn").GetString());
        Assert.Equal(HttpStatusCode.OK, tags.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_wrong_secret_is_InvalidSignatureException_and_changes_nothing()
    {
        var clusters = simulator.Server.Engine.World.Clusters;

        var error = await Cli(secretAccessKey: "not-the-workshop-secret").FailsAsync("InvalidSignatureException", "ecs", "create-cluster", "--cluster-name", "forged");

        Assert.Contains("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", error);
        Assert.Same(clusters, simulator.Server.Engine.World.Clusters);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unknown_access_key_id_is_UnrecognizedClientException()
    {
        var error = await Cli(accessKeyId: "AKIASOMEONEELSE").FailsAsync("UnrecognizedClientException", "ecr", "describe-repositories");

        Assert.Contains("The security token included in the request is invalid.", error);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_request_without_a_signature_is_MissingAuthenticationTokenException_in_AWS_shape()
    {
        using var http = new HttpClient { BaseAddress = simulator.Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}", Encoding.UTF8) };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Null(AwsAnswer.Problem(response, body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(body).RootElement;
        Assert.Equal("MissingAuthenticationTokenException", error.GetProperty("__type").GetString());
        Assert.Equal("Request is missing Authentication Token", error.GetProperty("message").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task The_health_check_says_signatures_are_verified()
    {
        using var http = new HttpClient { BaseAddress = simulator.Server.Endpoint };

        var health = JsonDocument.Parse(await http.GetStringAsync("/_workshop/health")).RootElement;

        Assert.True(health.GetProperty("verifiesSignatures").GetBoolean());
    }
}
