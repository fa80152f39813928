using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Simulator.Tests.Classroom;

/// <summary>
/// <c>POST /_workshop/progress</c> in a classroom: signed like an ECS call (by the AWS SDK for .NET's own signer) with
/// a learner's key pair, the report is the learner's and the observers hear it; unsigned or signed with a key not on the
/// roster, it is refused in the JSON edge's shapes and nobody hears it.
/// </summary>
public sealed class ProgressEndpointTests(ClassroomSimulator room) : IClassFixture<ClassroomSimulator>
{
    private async Task<(HttpStatusCode Status, string Body)> ReportAsync(string json, string? accessKeyId, string? secret, string service = "ecs")
    {
        HttpMessageHandler handler = new SocketsHttpHandler();
        if (accessKeyId is not null)
            handler = new SigV4SigningHandler(new BasicAWSCredentials(accessKeyId, secret), RegionEndpoint.APNortheast1, service, handler);
        using var http = new HttpClient(handler) { BaseAddress = room.Server.Endpoint };
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(ProgressEndpoint.Path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Type(string body) => JsonDocument.Parse(body).RootElement.GetProperty("__type").GetString()!;

    [Fact(Timeout = 60_000)]
    public async Task A_signed_report_is_the_signers_and_the_observers_hear_it()
    {
        var (status, body) = await ReportAsync("""{"lesson":"06-service","check":"ServiceIsStable","passed":true,"detail":"2/2"}""",
            room.B.AccessKeyId, room.B.SecretAccessKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("{}", body);
        var report = Assert.Single(room.Observer.Reports, r => r.Check == "ServiceIsStable");
        Assert.Equal(new ProgressReport(room.B.AccountId, "06-service", "ServiceIsStable", true, "2/2", report.At), report);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_report_with_only_the_lesson_says_which_lesson_is_open()
    {
        var (status, _) = await ReportAsync("""{"lesson":"03-cluster"}""", room.A.AccessKeyId, room.A.SecretAccessKey);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(room.Observer.Reports, r => r is { Lesson: "03-cluster", Check: null, Passed: null } && r.AccountId == room.A.AccountId);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unsigned_report_is_MissingAuthenticationTokenException()
    {
        var (status, body) = await ReportAsync("""{"lesson":"unsigned-lesson"}""", null, null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MissingAuthenticationTokenException", Type(body));
        Assert.DoesNotContain(room.Observer.Reports, r => r.Lesson == "unsigned-lesson");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_report_signed_with_a_key_not_on_the_roster_is_UnrecognizedClientException()
    {
        var (status, body) = await ReportAsync("""{"lesson":"stranger-lesson"}""", "AKIASTRANGER0000000", room.A.SecretAccessKey);

        Assert.Equal(AwsErrors.UnrecognizedClient.Status, status);
        Assert.Equal("UnrecognizedClientException", Type(body));
        Assert.DoesNotContain(room.Observer.Reports, r => r.Lesson == "stranger-lesson");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_report_signed_with_the_wrong_secret_is_InvalidSignatureException()
    {
        var (status, body) = await ReportAsync("""{"lesson":"forged-lesson"}""", room.A.AccessKeyId, room.B.SecretAccessKey);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidSignatureException", Type(body));
        Assert.DoesNotContain(room.Observer.Reports, r => r.Lesson == "forged-lesson");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_report_without_a_lesson_is_a_ValidationException()
    {
        var (status, body) = await ReportAsync("""{"check":"ServiceIsStable"}""", room.A.AccessKeyId, room.A.SecretAccessKey);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationException", Type(body));
    }
}
