using EcsWorkshop.Simulator.Aws;
using Microsoft.Extensions.Time.Testing;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// The simulator's SigV4 check against cases of AWS's published Signature Version 4 test suite (key pair
/// AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1, service "service"): each known-good signature is accepted, and the
/// same request with any part changed is not.
/// </summary>
public sealed class SigV4TestSuiteTests
{
    private const string KeyId = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Scope = $"Credential={KeyId}/20150830/us-east-1/service/aws4_request";

    private static readonly SigV4Verifier Verifier = new(new SignatureVerification(KeyId, Secret),
        new FakeTimeProvider(new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero)));

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // name, method, path?query, extra headers (name:value|…), signed headers and signature
        { "get-vanilla", "GET", "/", "", "host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "post-vanilla", "POST", "/", "", "host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b" },
        { "get-vanilla-query-order-key-case", "GET", "/?Param2=value2&Param1=value1", "", "host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "post-vanilla-query", "POST", "/?Param1=value1", "", "host;x-amz-date, Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11" },
        { "post-header-value-case", "POST", "/", "My-Header1:VALUE1", "host;my-header1;x-amz-date, Signature=cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d" },
        { "get-header-value-trim", "GET", "/", "My-Header1: value1|My-Header2: \"a   b   c\"", "host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736" },
        { "get-header-key-duplicate", "GET", "/", "My-Header1:value2|My-Header1:value2|My-Header1:value1", "host;my-header1;x-amz-date, Signature=c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea" },
    };

    private static SignableRequest Request(string method, string target, string extraHeaders, string signature, string date = "20150830T123600Z")
    {
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = ["example.amazonaws.com"],
            ["X-Amz-Date"] = [date],
            ["Authorization"] = [$"AWS4-HMAC-SHA256 {Scope}, SignedHeaders={signature}"],
        };
        foreach (var header in extraHeaders.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = header.IndexOf(':');
            if (!headers.TryGetValue(header[..colon], out var values)) headers[header[..colon]] = values = [];
            values.Add(header[(colon + 1)..]);
        }
        var question = target.IndexOf('?');
        return new SignableRequest(method, question < 0 ? target : target[..question], question < 0 ? "" : target[(question + 1)..],
            headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value, StringComparer.OrdinalIgnoreCase), []);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_signature_from_the_AWS_test_suite_is_accepted(string name, string method, string target, string headers, string signature)
    {
        var scope = Verifier.Verify(Request(method, target, headers, signature));

        Assert.Equal(("20150830", "us-east-1", "service"), (scope.Date, scope.Region, scope.Service));
        Assert.NotEmpty(name);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_same_request_with_a_changed_body_is_InvalidSignatureException(string name, string method, string target, string headers, string signature)
    {
        var request = Request(method, target, headers, signature) with { Body = "{}"u8.ToArray() };

        var error = Assert.Throws<AwsServiceException>(() => Verifier.Verify(request));

        Assert.Equal("InvalidSignatureException", error.Code);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", error.Message);
        Assert.NotEmpty(name);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_same_request_with_a_changed_query_method_or_header_is_InvalidSignatureException(string name, string method, string target, string headers, string signature)
    {
        var changed = new[]
        {
            Request(method == "GET" ? "POST" : "GET", target, headers, signature),
            Request(method, target.Contains('?') ? target + "x" : target + "?Param3=value3", headers, signature),
            Request(method, target, headers, signature) with { Headers = new Dictionary<string, IReadOnlyList<string>>(Request(method, target, headers, signature).Headers, StringComparer.OrdinalIgnoreCase) { ["Host"] = ["elsewhere.amazonaws.com"] } },
        };

        Assert.All(changed, request => Assert.Equal("InvalidSignatureException", Assert.Throws<AwsServiceException>(() => Verifier.Verify(request)).Code));
        Assert.NotEmpty(name);
    }

    [Fact]
    public void A_request_signed_16_minutes_ago_has_expired()
    {
        var request = Request("GET", "/", "", "host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", date: "20150830T122000Z");

        var error = Assert.Throws<AwsServiceException>(() => Verifier.Verify(request));

        Assert.Equal("InvalidSignatureException", error.Code);
        Assert.Equal("Signature expired: 20150830T122000Z is now earlier than 20150830T122100Z (20150830T123600Z - 15 min.)", error.Message);
    }

    [Fact]
    public void A_request_dated_16_minutes_ahead_is_not_yet_current()
    {
        var request = Request("GET", "/", "", "host;x-amz-date, Signature=0", date: "20150830T125200Z");

        var error = Assert.Throws<AwsServiceException>(() => Verifier.Verify(request));

        Assert.Equal("Signature not yet current: 20150830T125200Z is still later than 20150830T125100Z (20150830T123600Z + 15 min.)", error.Message);
    }

    [Fact]
    public void A_request_14_minutes_old_is_still_current()
    {
        var request = Request("GET", "/", "", "host;x-amz-date, Signature=0", date: "20150830T122200Z");

        var error = Assert.Throws<AwsServiceException>(() => Verifier.Verify(request));

        Assert.Equal("InvalidSignatureException", error.Code);
        Assert.StartsWith("The request signature we calculated", error.Message);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=abc", "Authorization header requires 'Credential' parameter.")]
    [InlineData($"AWS4-HMAC-SHA256 {Scope}, Signature=abc", "Authorization header requires 'SignedHeaders' parameter.")]
    [InlineData($"AWS4-HMAC-SHA256 {Scope}, SignedHeaders=host;x-amz-date", "Authorization header requires 'Signature' parameter.")]
    [InlineData($"AWS4-HMAC-SHA256 {Scope}, SignedHeaders=x-amz-date, Signature=abc", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws5_request, SignedHeaders=host, Signature=abc", "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ")]
    public void An_incomplete_authorization_header_is_IncompleteSignatureException(string authorization, string message)
    {
        var request = Request("GET", "/", "", "") with
        {
            Headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["Host"] = ["example.amazonaws.com"], ["X-Amz-Date"] = ["20150830T123600Z"], ["Authorization"] = [authorization],
            },
        };

        var error = Assert.Throws<AwsServiceException>(() => Verifier.Verify(request));

        Assert.Equal("IncompleteSignatureException", error.Code);
        Assert.Contains(message, error.Message);
    }
}
