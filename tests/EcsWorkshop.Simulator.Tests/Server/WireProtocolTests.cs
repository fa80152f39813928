using System.Net;
using System.Text;
using System.Text.Json;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Server;

public sealed class WireProtocolTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>, IDisposable
{
    private const string EcsPrefix = "AmazonEC2ContainerServiceV20141113";

    private readonly HttpClient _http = new() { BaseAddress = simulator.Server.Endpoint, Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task The_health_check_answers_200_while_the_simulator_is_up()
    {
        using var response = await _http.GetAsync("/_workshop/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Contains(EcsPrefix, body.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData($"{EcsPrefix}.LaunchRockets")]
    [InlineData("NoSuchService_20200101.ListThings")]
    [InlineData("")]
    public async Task An_unknown_target_is_UnknownOperationException_in_AWS_error_shape(string target)
    {
        using var response = await PostAsync(target, "{}");

        await AssertAwsErrorAsync(response, "UnknownOperationException");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_SerializationException()
    {
        using var response = await PostAsync($"{EcsPrefix}.CreateCluster", "{\"clusterName\": \"broken\"");

        await AssertAwsErrorAsync(response, "SerializationException");
    }

    [Theory]
    [InlineData("{\"clusterName\": 5}")]
    [InlineData("{\"clusterName\": \"typed\", \"tags\": {\"key\": \"not-a-list\"}}")]
    [InlineData("[\"clusterName\", \"typed\"]")]
    public async Task A_member_of_the_wrong_type_is_SerializationException_and_changes_nothing(string body)
    {
        var clustersBefore = simulator.Server.Engine.World.Clusters;

        using var response = await PostAsync($"{EcsPrefix}.CreateCluster", body);

        await AssertAwsErrorAsync(response, "SerializationException");
        Assert.Same(clustersBefore, simulator.Server.Engine.World.Clusters);
    }

    [Fact]
    public async Task A_successful_answer_is_json_1_1_with_a_request_id()
    {
        using var response = await PostAsync($"{EcsPrefix}.ListClusters", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("clusterArns").ValueKind);
    }

    private async Task<HttpResponseMessage> PostAsync(string target, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
        if (target != "") request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        return await _http.SendAsync(request);
    }

    private static async Task AssertAwsErrorAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, string.Join(",", response.Headers.GetValues("X-Amzn-Errortype")));
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(code, error.GetProperty("__type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    public void Dispose() => _http.Dispose();
}
