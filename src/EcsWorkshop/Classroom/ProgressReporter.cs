using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.Runtime.Signing;
using EcsWorkshop.Aws;
using EcsWorkshop.Checks;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Classroom;

/// <summary>
/// Tells the simulator the session is connected to, and only that one, where the learner is: the lesson that opened
/// and each self-check's result, as <c>POST /_workshop/progress</c> signed with SigV4 like an ECS call (the session's
/// own key pair, so a classroom knows whose report it is). Reports are sent in the background, one after the other in
/// the order they happened, each with a short time limit; one that fails (no such path, the room is gone, a timeout) is dropped and never breaks the lesson.
/// Sessions in AWS mode have no reporter: nothing is ever sent to AWS.
/// </summary>
internal sealed class ProgressReporter : IAsyncDisposable
{
    /// <summary>How long one report may take before it is dropped.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>The longest detail sent (the dashboard shows one line).</summary>
    public const int MaxDetailLength = 200;

    private readonly HttpClient _http;
    private readonly Uri _target;
    private readonly Lock _gate = new();
    private Task _last = Task.CompletedTask;

    private ProgressReporter(AwsClientSettings settings)
    {
        var simulator = settings.EndpointOverride ?? throw new ArgumentException("A progress reporter needs the simulator's URL.", nameof(settings));
        _target = new Uri(simulator, ProgressEndpoint.Path);
        var network = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        _http = new HttpClient(new SigV4SigningHandler(settings.Credentials, settings.Region, ProgressEndpoint.SigningName, network))
        {
            Timeout = Timeout,
        };
    }

    /// <summary>A reporter to the simulator <paramref name="settings"/> point at (their endpoint, their keys).</summary>
    public static ProgressReporter ToSimulator(AwsClientSettings settings) => new(settings);

    /// <summary>The lesson open now (<c>06-service</c>), or null before one said so.</summary>
    public string? Lesson { get; private set; }

    /// <summary>Where reports go.</summary>
    public Uri Target => _target;

    /// <summary>Reports that <paramref name="lesson"/> is open; later check reports name it.</summary>
    public void LessonOpened(string lesson)
    {
        Lesson = lesson;
        Send(new Report(lesson, null, null, null, null));
    }

    /// <summary>Reports a self-check's result: its name, whether it passed, and a short detail (the first problem, or the title).</summary>
    public void CheckDone(string check, CheckResult result) =>
        Send(new Report(Lesson ?? UnknownLesson, check, result.Passed, Detail(result), null));

    /// <summary>Reports an exercise's own check (<c>workshop.Check("演習 1: …", …)</c>): named by its title, marked as an exercise.</summary>
    public void ExerciseDone(CheckResult result) =>
        Send(new Report(Lesson ?? UnknownLesson, result.Title, result.Passed, Detail(result), true));

    private static string Detail(CheckResult result) => Shorten(result.Passed || result.Problems.IsEmpty ? result.Title : result.Problems[0].What);

    /// <summary>The lesson a report names before any lesson said which it is.</summary>
    public const string UnknownLesson = "unknown";

    /// <summary>Waits for the reports still on their way (each ends within <see cref="Timeout"/>).</summary>
    public Task WhenSentAsync()
    {
        lock (_gate) return _last;
    }

    /// <summary>Queues the report behind the ones before it, so the room gets them in the order they happened.</summary>
    private void Send(Report report)
    {
        lock (_gate) _last = _last.ContinueWith(_ => SendAsync(report), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
    }

    private async Task SendAsync(Report report)
    {
        try
        {
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Default.Report));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(_target, content).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // A report is a courtesy to the host: losing one never breaks the lesson.
        }
    }

    private static string Shorten(string text) => text.Length <= MaxDetailLength ? text : text[..(MaxDetailLength - 1)] + "…";

    /// <summary>Lets the last reports arrive (for <see cref="Timeout"/> at most, however many wait), then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAny(WhenSentAsync(), Task.Delay(Timeout)).ConfigureAwait(false);
        _http.Dispose();
    }

    /// <summary>
    /// The body: <c>{"lesson":"06-service","check":"ServiceIsSteady","passed":true,"detail":"…"}</c>, and
    /// <c>"exercise":true</c> for an exercise's own check.
    /// </summary>
    internal sealed record Report(
        [property: JsonPropertyName("lesson")] string Lesson,
        [property: JsonPropertyName("check"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Check,
        [property: JsonPropertyName("passed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Passed,
        [property: JsonPropertyName("detail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail,
        [property: JsonPropertyName("exercise"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Exercise);
}

[JsonSerializable(typeof(ProgressReporter.Report))]
internal sealed partial class ReportJson : JsonSerializerContext;
