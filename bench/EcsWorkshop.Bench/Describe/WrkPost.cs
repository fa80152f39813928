using System.Diagnostics;
using System.Globalization;
using System.Text;
using EcsWorkshop.Bench.Listener;

namespace EcsWorkshop.Bench.Describe;

/// <summary>One wrk run: requests per second, p50 and p99 (ms), the requests and the non-2xx answers it counted.</summary>
public sealed record WrkFigures(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long NotOk);

/// <summary>
/// <c>wrk</c> sending one JSON 1.1 request over and over: a Lua script sets the method, <c>X-Amz-Target</c>, the
/// content type, an <c>Authorization</c> header (a SigV4 credential scope for the region; nothing checks the
/// signature in single-learner mode) and the body.
/// </summary>
public static class WrkPost
{
    /// <summary>Runs wrk (2 threads, <paramref name="connections"/> connections) against <paramref name="url"/> for <paramref name="duration"/>.</summary>
    public static async Task<WrkFigures> RunAsync(Uri url, string target, string body, string region, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var script = Path.Combine(Path.GetTempPath(), $"ecs-workshop-bench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(target, body, region), cancellationToken).ConfigureAwait(false);
        try
        {
            var start = new ProcessStartInfo(ListenerBenchmark.Wrk)
            {
                ArgumentList =
                {
                    $"-t{Math.Min(2, connections)}", $"-c{connections}", $"-d{Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds))}s", "--latency",
                    "-s", script, url.ToString(),
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{ListenerBenchmark.Wrk} did not start.");
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            var errors = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0) throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {output}{errors}");
            var parsed = ListenerBenchmark.ParseWrk("", "/", output);
            return new WrkFigures(parsed.RequestsPerSecond, parsed.P50Ms, parsed.P99Ms, parsed.Requests, parsed.NotOk);
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>The Lua script: a POST with the JSON 1.1 headers and <paramref name="body"/>.</summary>
    public static string Script(string target, string body, string region)
    {
        var date = DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine("wrk.method = \"POST\"");
        text.Append("wrk.headers[\"X-Amz-Target\"] = ").AppendLine(Lua(target));
        text.AppendLine("wrk.headers[\"Content-Type\"] = \"application/x-amz-json-1.1\"");
        text.Append("wrk.headers[\"Authorization\"] = ").AppendLine(Lua(
            $"AWS4-HMAC-SHA256 Credential=AKIDBENCHMARK/{date}/{region}/ecs/aws4_request, SignedHeaders=content-type;host;x-amz-target, Signature={new string('0', 64)}"));
        text.Append("wrk.body = ").AppendLine(Lua(body));
        return text.ToString();
    }

    private static string Lua(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
