using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Aws;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Tests.Support;

/// <summary>One <c>POST /_workshop/progress</c> the witness received: its JSON body and what the verifier said of its signature.</summary>
public sealed record ReceivedReport(string? Lesson, string? Check, bool? Passed, string? Detail, string? SignedFor, string? Refusal);

/// <summary>
/// A small HTTP server on 127.0.0.1 that stands where a classroom's simulator stands: it verifies every
/// <c>/_workshop/progress</c> request with the simulator's own <see cref="RequestSigning"/> (SigV4, service <c>ecs</c>,
/// the one key pair it is given) and keeps what arrived, and passes every other request on, as it came, to a real
/// simulator or moto behind it (so the session's AWS calls work and can be counted).
/// </summary>
public sealed class ProgressWitness : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new();
    private readonly ConcurrentQueue<ReceivedReport> _reports = new();
    private readonly ConcurrentQueue<string> _forwarded = new();

    private ProgressWitness(WebApplication app) => _app = app;

    /// <summary>Where it listens.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every progress request that arrived, in order (accepted or refused).</summary>
    public IReadOnlyList<ReceivedReport> Reports => [.. _reports];

    /// <summary>The <c>X-Amz-Target</c> (or path) of every other request it passed on.</summary>
    public IReadOnlyList<string> Forwarded => [.. _forwarded];

    /// <summary>
    /// Starts a witness that accepts reports signed with <paramref name="keys"/> and passes the rest to
    /// <paramref name="behind"/>; with <paramref name="hang"/> it never answers a report (a room that stopped answering).
    /// </summary>
    public static async Task<ProgressWitness> StartAsync(SignatureVerification keys, Uri behind, bool hang = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var witness = new ProgressWitness(app);
        var signing = new RequestSigning(keys, TimeProvider.System);
        app.MapPost(ProgressEndpoint.Path, async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            string? region = null, refusal = null;
            try
            {
                region = signing.RegionOf(http.Request, body, ProgressEndpoint.SigningName);
            }
            catch (Simulator.Aws.AwsServiceException e)
            {
                refusal = e.Code;
            }
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            witness._reports.Enqueue(new ReceivedReport(
                Text(root, "lesson"), Text(root, "check"),
                root.TryGetProperty("passed", out var passed) ? passed.GetBoolean() : null,
                Text(root, "detail"), region, refusal));
            if (hang) await Task.Delay(Timeout.Infinite, http.RequestAborted);
            return refusal is null ? Microsoft.AspNetCore.Http.Results.Json(new { }) : Microsoft.AspNetCore.Http.Results.Json(new { __type = refusal }, statusCode: 403);
        });
        app.Map("/{**path}", (HttpContext http) => witness.ForwardAsync(http, behind));
        await app.StartAsync();
        witness.Endpoint = new Uri(app.Urls.First());
        return witness;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task ForwardAsync(HttpContext http, Uri behind)
    {
        _forwarded.Enqueue(http.Request.Headers["X-Amz-Target"].FirstOrDefault() ?? http.Request.Path.Value ?? "/");
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), new Uri(behind, http.Request.Path + http.Request.QueryString));
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        request.Content = new ByteArrayContent(buffer.ToArray());
        foreach (var (name, values) in http.Request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values)) request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        using var response = await _forward.SendAsync(request, http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            http.Response.Headers[name] = values.ToArray();
        }
        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }
}
