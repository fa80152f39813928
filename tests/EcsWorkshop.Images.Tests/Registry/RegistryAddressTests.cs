using EcsWorkshop.Images.Registry;

namespace EcsWorkshop.Images.Tests.Registry;

public sealed class RegistryAddressTests
{
    [Theory]
    [InlineData("localhost:4566", "http://localhost:4566/")]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("[::1]:5000", "http://[::1]:5000/")]
    [InlineData("123456789012.dkr.ecr.ap-northeast-1.amazonaws.com", "https://123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/")]
    [InlineData("registry.example.com:5000", "https://registry.example.com:5000/")]
    public void Loopback_registries_use_plain_http_and_all_others_https(string registry, string expected)
    {
        Assert.Equal(new Uri(expected), RegistryClient.BaseUri(registry));
    }

    [Theory]
    [InlineData("nginx:alpine", "docker.io", "library/nginx", "alpine")]
    [InlineData("localhost:4566/web", "localhost:4566", "web", null)]
    [InlineData("123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/team/web:1.0", "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com", "team/web", "1.0")]
    [InlineData("public.ecr.aws/nginx/nginx:stable", "public.ecr.aws", "nginx/nginx", "stable")]
    public void Image_references_split_into_registry_repository_and_tag(string text, string registry, string repository, string? tag)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal((registry, repository, tag), (reference.Registry, reference.Repository, reference.Tag));
    }

    [Fact]
    public void An_ecr_authorization_token_holds_the_user_and_password()
    {
        var credentials = RegistryCredentials.FromEcrAuthorizationToken(Convert.ToBase64String("AWS:secret:with:colons"u8.ToArray()));

        Assert.Equal(new RegistryCredentials("AWS", "secret:with:colons"), credentials);
        Assert.DoesNotContain("secret", credentials.ToString());
    }

    [Fact]
    public async Task A_registry_that_is_not_running_is_reported_in_words()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new RegistryClient();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(ImageReference.Parse($"localhost:{port}/web:latest")));

        Assert.Null(error.StatusCode);
        Assert.Contains("cannot reach the registry", error.Message);
        Assert.Contains("接続できません", error.JapaneseMessage);
    }
}
