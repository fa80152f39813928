using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Bench.Describe;

/// <summary>
/// The floor the simulator is measured against: Kestrel answering every <c>POST /</c> with the same bytes (an answer
/// captured from the simulator), with no logic at all — the body is read and dropped, the bytes written with their
/// length. Hosted like <c>workshop serve</c> (slim builder, console logging at Warning, loopback) and started the
/// same way, as its own process: <c>EcsWorkshop.Bench fixed-answer --file F --port P</c>.
/// </summary>
public static class FixedAnswerServer
{
    /// <summary>Serves <paramref name="answerFile"/> on 127.0.0.1:<paramref name="port"/> until the process is ended.</summary>
    public static async Task RunAsync(string answerFile, int port, CancellationToken cancellationToken)
    {
        var answer = await File.ReadAllBytesAsync(answerFile, cancellationToken).ConfigureAwait(false);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/health", () => Microsoft.AspNetCore.Http.Results.Ok());
        app.MapPost("/", async (HttpContext http) =>
        {
            // Read the request like any server must, then answer the captured bytes.
            while (true)
            {
                var read = await http.Request.BodyReader.ReadAsync(http.RequestAborted).ConfigureAwait(false);
                http.Request.BodyReader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted) break;
            }
            http.Response.ContentType = "application/x-amz-json-1.1";
            http.Response.ContentLength = answer.Length;
            await http.Response.Body.WriteAsync(answer, http.RequestAborted).ConfigureAwait(false);
        });
        await app.RunAsync().ConfigureAwait(false);
    }
}
