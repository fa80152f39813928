using System.Net.Http.Headers;
using System.Text.Json;
using EcsWorkshop.Classroom.Dashboard;
using EcsWorkshop.Classroom.Tests.Support;
using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Classroom.Tests.Dashboard;

/// <summary>The dashboard's server-sent events: the current view at once, then a new event when something changes.</summary>
public sealed class LiveStreamTests : IAsyncLifetime
{
    private const string Token = "live-stream-token-0123456789";
    private readonly ClassroomDashboard _dashboard = new(Room.TwoLearners, Token, refresh: TimeSpan.FromMilliseconds(100));
    private readonly LearnerWorld _sato;
    private DashboardHost _host = null!;

    public LiveStreamTests() => _sato = new LearnerWorld(Room.Sato, _dashboard.Observer, TimeProvider.System);

    public async Task InitializeAsync() =>
        _host = await DashboardHost.StartAsync(_dashboard.AddTo(new ClassroomOptions(Room.TwoLearners, Token)), [_sato.Account]);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _sato.Dispose();
    }

    [Fact]
    public async Task A_new_error_reaches_an_open_stream_without_asking_again()
    {
        using var http = new HttpClient { BaseAddress = _host.Endpoint, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.GetAsync(DashboardEndpoints.EventsPath, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var first = await NextUpdateAsync(reader, deadline.Token);
        Assert.DoesNotContain("ClusterNotFoundException", first.Rows);

        _sato.Ecs("DescribeServices", new { cluster = "missing", services = new[] { "web" } });
        // The stream also sends an update when only the clock line changed (once a second): read on until the error's.
        var next = await NextUpdateAsync(reader, deadline.Token);
        while (!next.Rows.Contains("ClusterNotFoundException", StringComparison.Ordinal)) next = await NextUpdateAsync(reader, deadline.Token);

        Assert.Contains("<code class=\"code\">ClusterNotFoundException</code>", next.Rows);
    }

    [Fact]
    public async Task An_open_stream_does_not_hold_up_the_server_when_it_stops()
    {
        using var http = new HttpClient { BaseAddress = _host.Endpoint, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.GetAsync(DashboardEndpoints.EventsPath, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await NextUpdateAsync(reader, deadline.Token);

        var took = await _host.StopAsync();

        Assert.True(took < TimeSpan.FromSeconds(5), $"Stopping took {took.TotalSeconds:0.0} s with a dashboard open.");
        await reader.ReadToEndAsync(deadline.Token); // the stream has ended (it would hang here otherwise)
    }

    private static async Task<LiveUpdate> NextUpdateAsync(StreamReader reader, CancellationToken cancel)
    {
        while (await reader.ReadLineAsync(cancel) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal))
                return JsonSerializer.Deserialize<LiveUpdate>(line["data: ".Length..], DashboardEndpoints.Json)!;
        throw new EndOfStreamException("The stream ended before an update came.");
    }
}
