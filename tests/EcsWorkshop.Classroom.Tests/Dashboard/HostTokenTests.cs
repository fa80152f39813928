using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EcsWorkshop.Classroom.Dashboard;
using EcsWorkshop.Classroom.Tests.Support;
using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Classroom.Tests.Dashboard;

/// <summary>Only the host, with the token <c>serve</c> printed, gets in; everyone else gets a 401 saying how.</summary>
public sealed class HostTokenTests : IAsyncLifetime
{
    private const string Token = "host-token-for-the-tests-0123456789";
    private readonly LearnerWorld _sato;
    private readonly ClassroomDashboard _dashboard;
    private DashboardHost _host = null!;

    public HostTokenTests()
    {
        _dashboard = new ClassroomDashboard(Room.TwoLearners, Token);
        _sato = new LearnerWorld(Room.Sato, _dashboard.Observer, TimeProvider.System);
    }

    public async Task InitializeAsync() =>
        _host = await DashboardHost.StartAsync(_dashboard.AddTo(new ClassroomOptions(Room.TwoLearners, Token)), [_sato.Account]);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _sato.Dispose();
    }

    private HttpClient Client(bool followRedirects = true) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = followRedirects }) { BaseAddress = _host.Endpoint, Timeout = TimeSpan.FromSeconds(20) };

    [Theory]
    [InlineData(DashboardEndpoints.PagePath)]
    [InlineData(DashboardEndpoints.StatePath)]
    [InlineData(DashboardEndpoints.EventsPath)]
    public async Task Without_the_token_every_dashboard_path_answers_401_with_json_saying_how_to_get_in(string path)
    {
        using var http = Client();
        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString();
        Assert.Contains("host token:", message);
        Assert.Contains("?token=", message);
    }

    [Fact]
    public async Task A_browser_without_the_token_gets_a_japanese_page()
    {
        using var http = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, DashboardEndpoints.PagePath);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("主催者用トークンが必要です", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_token_is_refused_in_the_header_and_in_the_query()
    {
        using var http = Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(DashboardEndpoints.StatePath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"{DashboardEndpoints.StatePath}?token={Token[..^1]}")).StatusCode);
    }

    [Fact]
    public async Task The_bearer_token_opens_the_page_and_the_state()
    {
        using var http = Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var page = await http.GetStringAsync(DashboardEndpoints.PagePath);
        var state = JsonDocument.Parse(await http.GetStringAsync(DashboardEndpoints.StatePath)).RootElement;

        Assert.Contains("教室ダッシュボード", page);
        Assert.Equal(2, state.GetProperty("summary").GetProperty("learners").GetInt32());
    }

    [Fact]
    public async Task The_query_token_is_moved_into_a_cookie_so_the_projected_address_does_not_show_it()
    {
        using var http = Client(followRedirects: false);
        using var first = await http.GetAsync($"{DashboardEndpoints.PagePath}?token={Token}");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(DashboardEndpoints.PagePath, first.Headers.Location?.OriginalString);
        var cookie = first.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var browser = Client();
        var page = await browser.GetAsync($"{DashboardEndpoints.PagePath}?token={Token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(DashboardEndpoints.PagePath, page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Empty(page.RequestMessage.RequestUri.Query);
    }
}
