using System.Text;
using EcsWorkshop.Simulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Aws.Tests.Support;

/// <summary>A request as the server saw it.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>An answer to give.</summary>
public sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedResponse Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.Append((Name: "Content-Type", Value: "application/x-amz-json-1.1")).ToDictionary(h => h.Name, h => h.Value));

    public static ScriptedResponse Xml(int status, string body) =>
        new(status, body, new Dictionary<string, string> { ["Content-Type"] = "text/xml" });
}

/// <summary>
/// A tiny HTTP server (Kestrel, on a loopback port the kernel picks) that answers each request with the next scripted
/// response (the last one repeats) and records what it received: for retry, error and signing tests.
/// </summary>
/// <remarks>
/// Kestrel rather than <c>HttpListener</c>: Linux's managed <c>HttpListener</c> binds its port a second time while
/// closing, which failed with "Address already in use" when another test had taken the port meanwhile; and port 0
/// leaves no window between choosing a port and listening on it.
/// </remarks>
public sealed class ScriptedHttpServer : IDisposable
{
    private readonly WebApplication _app;
    private readonly Queue<ScriptedResponse> _script;
    private readonly List<ReceivedRequest> _received = [];

    public ScriptedHttpServer(params ScriptedResponse[] script)
    {
        _script = new Queue<ScriptedResponse>(script);
        var builder = WebHosts.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(AnswerAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public Uri Endpoint { get; }

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (_received) return [.. _received];
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        ScriptedResponse answer;
        lock (_received)
        {
            _received.Add(new ReceivedRequest(context.Request.Method, context.Request.Path.Value ?? "/", headers, body));
            answer = _script.Count > 1 ? _script.Dequeue() : _script.Peek();
        }
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
