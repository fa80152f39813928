using System.Net;
using System.Text;
using System.Text.Json;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Server;

public sealed class AnswerEncodingTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>, IDisposable
{
    private const string EcsPrefix = "AmazonEC2ContainerServiceV20141113";

    private readonly HttpClient _http = new() { BaseAddress = simulator.Server.Endpoint, Timeout = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(1_733_540_000_000L, "1733540000.0")]
    [InlineData(1_733_540_000_100L, "1733540000.1")]
    [InlineData(1_733_540_000_250L, "1733540000.25")]
    [InlineData(1_733_540_000_125L, "1733540000.125")]
    [InlineData(1_733_540_000_007L, "1733540000.007")]
    [InlineData(0L, "0.0")]
    [InlineData(-1_500L, "-1.5")]
    public void Timestamps_are_epoch_seconds_with_at_most_millisecond_decimals(long milliseconds, string expected)
    {
        var json = JsonSerializer.Serialize(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), AwsJson.Options);

        Assert.Equal(expected, json);
    }

    [Fact]
    public async Task An_answer_carries_its_length_and_is_one_whole_json_document()
    {
        using var created = await PostAsync("CreateCluster", """{"clusterName":"answer-encoding"}""");
        var bytes = await created.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(bytes.Length, created.Content.Headers.ContentLength);
        Assert.Equal("answer-encoding", JsonDocument.Parse(bytes).RootElement.GetProperty("cluster").GetProperty("clusterName").GetString());
    }

    [Fact]
    public async Task An_error_answer_carries_its_length_too()
    {
        using var refused = await PostAsync("DescribeClusters", """{"clusters":"not-a-list"}""");
        var bytes = await refused.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(bytes.Length, refused.Content.Headers.ContentLength);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(bytes).RootElement.GetProperty("__type").GetString()));
    }

    private async Task<HttpResponseMessage> PostAsync(string operation, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{EcsPrefix}.{operation}");
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
