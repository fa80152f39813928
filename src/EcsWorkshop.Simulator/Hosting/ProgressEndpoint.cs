using System.Text.Json;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Aws;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>
/// <c>POST /_workshop/progress</c>: a learner's helper says which lesson is open and how a self-check went,
/// <c>{"lesson":"06-service","check":"ServiceIsStable","passed":true,"detail":"…"}</c> (only <c>lesson</c> is required;
/// an exercise's own check adds <c>"exercise":true</c>).
/// In a classroom it is signed like an ECS call (service <c>ecs</c>, the learner's key pair), which says whose report
/// it is; a single-learner server takes it signed or not. Answered <c>200 {}</c>, refusals in the JSON edge's shape;
/// the classroom's observers are told every report.
/// </summary>
public static class ProgressEndpoint
{
    /// <summary>Where the helper reports.</summary>
    public const string Path = "/_workshop/progress";

    /// <summary>The service a report is signed for.</summary>
    public const string SigningName = "ecs";

    private sealed record ProgressBody(string? Lesson, string? Check, bool? Passed, string? Detail, bool? Exercise);

    /// <summary>Maps the endpoint.</summary>
    public static void MapProgress(this WebApplication app) => app.MapPost(Path, ReportAsync);

    private static async Task<IResult> ReportAsync(HttpContext http, ServedAccounts accounts, SimulatorOptions options)
    {
        try
        {
            var account = await accounts.CallerOfAsync(http, SigningName).ConfigureAwait(false);
            ProgressBody? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<ProgressBody>(http.Request.Body, JsonSerializerOptions.Web, http.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw AwsErrors.ProgressBodyUnreadable.At(e.Message);
            }
            if (body is null) throw AwsErrors.ProgressBodyUnreadable.At("The body must be a JSON object.");
            if (string.IsNullOrWhiteSpace(body.Lesson)) throw AwsErrors.ProgressLessonMissing.At();
            accounts.Reported(new ProgressReport(account.AccountId, body.Lesson, body.Check, body.Passed, body.Detail, options.Time.GetUtcNow(), body.Exercise == true));
            return Results.Json(new { });
        }
        catch (AwsServiceException e)
        {
            return Runtime.RuntimeHosting.Error(e);
        }
    }
}
