using EcsWorkshop.Aws.Configuration;

namespace EcsWorkshop.Aws.Tests.Configuration;

/// <summary>AWS_ENDPOINT_URL sends every service to one endpoint (an emulator), as it does for the AWS CLI v2 and the SDKs.</summary>
public sealed class EndpointOverrideTests
{
    private static Uri? Find(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return AwsEndpointResolver.Find(name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void Without_AWS_ENDPOINT_URL_the_services_are_AWSs_own()
    {
        Assert.Null(Find());
        Assert.Null(Find(("AWS_ENDPOINT_URL", "")));
    }

    [Fact]
    public void AWS_ENDPOINT_URL_names_the_endpoint_unless_configured_endpoints_are_ignored()
    {
        Assert.Equal(new Uri("http://127.0.0.1:5000"), Find(("AWS_ENDPOINT_URL", " http://127.0.0.1:5000 ")));
        Assert.Null(Find(("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")));
    }

    [Fact]
    public void An_endpoint_that_is_not_an_http_url_is_an_error_not_a_silent_call_to_aws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Find(("AWS_ENDPOINT_URL", "127.0.0.1:5000")));

        Assert.Contains("AWS_ENDPOINT_URL", error.Message);
    }
}
