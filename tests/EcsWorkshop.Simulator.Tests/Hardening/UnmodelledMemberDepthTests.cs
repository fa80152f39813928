using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// Members the simulator does not model are kept as sent, and may be nested as deep as a request may be (64 levels):
/// storing them, answering with them and reading them back after a restart must not trip over the depth.
/// </summary>
public sealed class UnmodelledMemberDepthTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private const string Target = "AmazonEC2ContainerServiceV20141113.";

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray("bottom");
        for (var i = 1; i < depth; i++) node = new JsonArray(node);
        return node;
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> CallAsync(string operation, JsonNode request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(request.ToJsonString(), Encoding.UTF8) };
        message.Headers.TryAddWithoutValidation("X-Amz-Target", Target + operation);
        using var http = new HttpClient { BaseAddress = simulator.Server.Endpoint }; // a restart moves the port
        using var response = await http.SendAsync(message);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(), documentOptions: new JsonDocumentOptions { MaxDepth = 256 }));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_container_member_nested_as_deep_as_a_request_may_be_is_kept_and_survives_a_restart()
    {
        // The body (1) holds containerDefinitions (2), its first element (3) and the member: 61 more levels make 64.
        var deep = Nested(61);
        var request = new JsonObject
        {
            ["family"] = "deep-members",
            ["containerDefinitions"] = new JsonArray(new JsonObject
            {
                ["name"] = "web", ["image"] = "public.ecr.aws/nginx/nginx:latest", ["memory"] = 512, ["linuxParameters"] = deep,
            }),
        };

        var (registered, answer) = await CallAsync("RegisterTaskDefinition", request);
        await simulator.RestartAsync();
        var (described, afterRestart) = await CallAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = "deep-members" });

        Assert.Equal(HttpStatusCode.OK, registered);
        Assert.Equal(HttpStatusCode.OK, described);
        Assert.True(JsonNode.DeepEquals(deep, answer!["taskDefinition"]!["containerDefinitions"]![0]!["linuxParameters"]));
        Assert.True(JsonNode.DeepEquals(deep, afterRestart!["taskDefinition"]!["containerDefinitions"]![0]!["linuxParameters"]));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_body_nested_deeper_than_64_levels_is_SerializationException()
    {
        var request = new JsonObject
        {
            ["family"] = "too-deep",
            ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = "nginx", ["memory"] = 512, ["linuxParameters"] = Nested(62) }),
        };

        var (status, body) = await CallAsync("RegisterTaskDefinition", request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("SerializationException", body!["__type"]!.GetValue<string>());
        Assert.DoesNotContain(simulator.Server.Engine.World.TaskDefinitions.Values, d => d.Family == "too-deep");
    }
}
