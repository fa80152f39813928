using System.Net;
using System.Net.Http.Headers;
using EcsWorkshop.Aws.Ecr;
using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Ecr;

public sealed class AuthorizationTokenTests(Backends backends) : BackendTests(backends)
{
    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task The_authorization_token_is_the_user_AWS_and_a_password(string backend)
    {
        var response = await On(backend).Ecr.GetAuthorizationTokenAsync(new GetAuthorizationTokenRequest());
        var data = Assert.Single(response.AuthorizationData!);

        var (user, password) = EcrClient.DecodeAuthorizationToken(data.AuthorizationToken!);

        Assert.Equal("AWS", user);
        Assert.NotEmpty(password);
        Assert.NotNull(data.ExpiresAt);
        Assert.NotNull(data.ProxyEndpoint);
    }

    [Fact]
    public async Task The_simulators_registry_login_opens_its_registry_for_12_hours()
    {
        var login = await Simulator.Ecr.GetRegistryLoginAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Backends.EndpointOf(Backends.Simulator), "/v2/"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{login.UserName}:{login.Password}")));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(login.ExpiresAt!.Value - DateTimeOffset.UtcNow, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12.1));
    }

    [Fact]
    public async Task Moto_gives_a_fixed_token_that_expired_long_ago()
    {
        var login = await Moto.Ecr.GetRegistryLoginAsync();

        Assert.Equal("123456789012-auth-token", login.Password);
        Assert.True(login.ExpiresAt < DateTimeOffset.UtcNow);
    }

    [Fact]
    public void A_token_that_is_not_base64_is_a_clear_error()
    {
        Assert.Throws<FormatException>(() => EcrClient.DecodeAuthorizationToken("not base64!"));
    }
}
