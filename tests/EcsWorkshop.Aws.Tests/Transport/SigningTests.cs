using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using EcsWorkshop.Aws.Ecr;
using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Ecs;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Sts;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Transport;

public sealed partial class SigningTests
{
    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request, SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex SigV4Authorization();

    private static AwsClientSettings SettingsFor(Uri endpoint, string region) => new()
    {
        Region = RegionEndpoint.GetBySystemName(region),
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        EndpointOverride = endpoint,
    };

    [Fact]
    public async Task An_ECS_request_is_signed_with_SigV4_for_the_region_and_the_ecs_service()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Json(200, """{"clusterArns":[]}"""));
        using var ecs = new EcsClient(SettingsFor(server.Endpoint, "eu-west-1"));

        await ecs.ListClustersAsync(new ListClustersRequest());

        var match = SigV4Authorization().Match(Assert.Single(server.Received).Headers["Authorization"]);
        Assert.True(match.Success, server.Received[0].Headers["Authorization"]);
        Assert.Equal("AKIDEXAMPLE", match.Groups["key"].Value);
        Assert.Equal(DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), match.Groups["date"].Value);
        Assert.Equal("eu-west-1", match.Groups["region"].Value);
        Assert.Equal("ecs", match.Groups["service"].Value);
        Assert.Contains("x-amz-target", match.Groups["headers"].Value.Split(';'));
        Assert.Contains("host", match.Groups["headers"].Value.Split(';'));
    }

    [Fact]
    public async Task ECR_requests_are_signed_for_the_ecr_service()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Json(200, """{"repositories":[]}"""));
        using var ecr = new EcrClient(SettingsFor(server.Endpoint, "ap-northeast-1"));

        await ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest());

        var match = SigV4Authorization().Match(Assert.Single(server.Received).Headers["Authorization"]);
        Assert.Equal("ecr", match.Groups["service"].Value);
        Assert.Equal("ap-northeast-1", match.Groups["region"].Value);
    }

    [Fact]
    public async Task STS_requests_are_signed_for_the_sts_service()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Xml(200,
            """<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><UserId>AKIDEXAMPLE</UserId><Account>111122223333</Account><Arn>arn:aws:iam::111122223333:user/alice</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>"""));
        using var sts = new StsClient(SettingsFor(server.Endpoint, "us-west-2"));

        var identity = await sts.GetCallerIdentityAsync();

        Assert.Equal("111122223333", identity.Account);
        var match = SigV4Authorization().Match(Assert.Single(server.Received).Headers["Authorization"]);
        Assert.Equal("sts", match.Groups["service"].Value);
        Assert.Equal("us-west-2", match.Groups["region"].Value);
    }

    [Fact]
    public async Task Temporary_credentials_add_a_security_token_header()
    {
        using var server = new ScriptedHttpServer(ScriptedResponse.Json(200, """{"clusterArns":[]}"""));
        var settings = SettingsFor(server.Endpoint, "ap-northeast-1") with
        {
            Credentials = new SessionAWSCredentials("ASIAEXAMPLE", "secret", "session-token-example"),
        };
        using var ecs = new EcsClient(settings);

        await ecs.ListClustersAsync(new ListClustersRequest());

        var request = Assert.Single(server.Received);
        Assert.Equal("session-token-example", request.Headers["X-Amz-Security-Token"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task Every_attempt_is_signed_afresh()
    {
        using var server = new ScriptedHttpServer(
            ScriptedResponse.Json(500, """{"__type":"ServerException","message":"x"}"""),
            ScriptedResponse.Json(200, """{"clusterArns":[]}"""));
        using var ecs = new EcsClient(SettingsFor(server.Endpoint, "ap-northeast-1") with { Time = new InstantTimeProvider() });

        await ecs.ListClustersAsync(new ListClustersRequest());

        Assert.Equal(2, server.Received.Count);
        Assert.All(server.Received, r => Assert.Matches(SigV4Authorization(), r.Headers["Authorization"]));
        Assert.All(server.Received, r => Assert.True(r.Headers.ContainsKey("X-Amz-Date")));
    }
}
