using System.Net;
using System.Text;

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
/// A tiny HTTP server on a loopback port that answers each request with the next scripted response (the last one
/// repeats) and records what it received: for retry, error and signing tests.
/// </summary>
public sealed class ScriptedHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<ScriptedResponse> _script;
    private readonly List<ReceivedRequest> _received = [];
    private readonly Task _loop;

    public ScriptedHttpServer(params ScriptedResponse[] script)
    {
        _script = new Queue<ScriptedResponse>(script);
        var port = FreePort.Next();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
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

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            ScriptedResponse answer;
            lock (_received)
            {
                _received.Add(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body));
                answer = _script.Count > 1 ? _script.Dequeue() : _script.Peek();
            }
            context.Response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) context.Response.ContentType = value;
                else context.Response.Headers[name] = value;
            }
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
