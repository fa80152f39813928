using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Classroom.Tests.Support;

/// <summary>
/// Reports progress to the room as a learner's helper does: <c>POST /_workshop/progress</c> with a JSON body, signed
/// with SigV4 for the <c>ecs</c> service with the learner's key pair (by the AWS SDK's own signer).
/// </summary>
public sealed class ProgressReporter(Uri endpoint, Learner learner) : IDisposable
{
    private readonly HttpClient _http = new(new SigV4SigningHandler(
        new BasicAWSCredentials(learner.AccessKeyId, learner.SecretAccessKey), RegionEndpoint.APNortheast1, "ecs", new SocketsHttpHandler()))
    {
        BaseAddress = endpoint,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Says which lesson is open, and, with <paramref name="check"/>, how a self-check went; fails the test unless answered 200.</summary>
    public async Task ReportAsync(string lesson, string? check = null, bool? passed = null)
    {
        var json = JsonSerializer.Serialize(new { lesson, check, passed }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync("/_workshop/progress", content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The progress report was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => _http.Dispose();
}
