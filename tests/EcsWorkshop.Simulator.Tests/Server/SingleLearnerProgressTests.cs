using System.Net;
using System.Text;
using System.Text.Json;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Server;

/// <summary>A single learner's simulator takes progress reports too, unsigned, and still refuses one without a lesson.</summary>
public sealed class SingleLearnerProgressTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string json)
    {
        using var http = new HttpClient { BaseAddress = simulator.Server.Endpoint };
        using var response = await http.PostAsync(ProgressEndpoint.Path, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unsigned_report_is_accepted()
    {
        var (status, body) = await PostAsync("""{"lesson":"05-tasks","check":"TaskIsRunning","passed":false}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("{}", body);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_report_that_is_not_JSON_is_a_SerializationException()
    {
        var (status, body) = await PostAsync("lesson=05-tasks");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("SerializationException", JsonDocument.Parse(body).RootElement.GetProperty("__type").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_report_without_a_lesson_is_a_ValidationException()
    {
        var (status, body) = await PostAsync("""{"passed":true}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationException", JsonDocument.Parse(body).RootElement.GetProperty("__type").GetString());
    }
}
