using System.Net;
using System.Text;
using System.Text.Json;

namespace EcsWorkshop.Simulator.Tests.Classroom;

/// <summary>
/// In a classroom signatures are mandatory and checked against the roster: an unknown key and a wrong secret are
/// refused as AWS refuses them, through the real AWS CLI, and change nothing; the health check says it serves a
/// classroom without giving anything away.
/// </summary>
public sealed class ClassroomSignatureTests(ClassroomSimulator room) : IClassFixture<ClassroomSimulator>
{
    [Fact(Timeout = 60_000)]
    public async Task An_access_key_not_on_the_roster_is_UnrecognizedClientException()
    {
        var stranger = new TestSupport.AwsCli(room.Server.Endpoint, accessKeyId: "AKIASTRANGER0000000", secretAccessKey: room.A.SecretAccessKey);

        var error = await stranger.FailsAsync("UnrecognizedClientException", "ecs", "list-clusters");

        Assert.Contains("The security token included in the request is invalid.", error);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_learners_key_with_another_learners_secret_is_InvalidSignatureException_and_changes_nothing()
    {
        var forged = new TestSupport.AwsCli(room.Server.Endpoint, accessKeyId: room.A.AccessKeyId, secretAccessKey: room.B.SecretAccessKey);
        var clusters = room.Server.Accounts.All.Select(a => a.Simulation.Ecs.World.Clusters).ToList();

        var error = await forged.FailsAsync("InvalidSignatureException", "ecs", "create-cluster", "--cluster-name", "forged");

        Assert.Contains("The request signature we calculated does not match the signature you provided.", error);
        Assert.Equal(clusters, room.Server.Accounts.All.Select(a => a.Simulation.Ecs.World.Clusters));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unsigned_request_is_MissingAuthenticationTokenException()
    {
        using var http = new HttpClient { BaseAddress = room.Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}", Encoding.UTF8) };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("__type").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task The_health_check_says_a_classroom_of_two_is_served_and_names_no_key()
    {
        using var http = new HttpClient { BaseAddress = room.Server.Endpoint };

        var text = await http.GetStringAsync("/_workshop/health");
        var health = JsonDocument.Parse(text).RootElement;

        Assert.True(health.GetProperty("classroom").GetBoolean());
        Assert.Equal(2, health.GetProperty("learners").GetInt32());
        Assert.True(health.GetProperty("verifiesSignatures").GetBoolean());
        Assert.All(room.Roster.Learners, l =>
        {
            Assert.DoesNotContain(l.AccessKeyId, text);
            Assert.DoesNotContain(l.SecretAccessKey, text);
            Assert.DoesNotContain(l.AccountId, text);
        });
    }
}
