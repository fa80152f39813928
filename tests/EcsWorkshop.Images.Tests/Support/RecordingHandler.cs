using System.Collections.Concurrent;

namespace EcsWorkshop.Images.Tests.Support;

/// <summary>An HTTP handler that records every request's method and path (and Content-Range) before sending it.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<string> Requests { get; } = new();

    public IEnumerable<string> Methods(string method) => Requests.Where(r => r.StartsWith(method + " ", StringComparison.Ordinal));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var range = request.Content?.Headers.TryGetValues("Content-Range", out var values) == true ? " range=" + values.First() : "";
        Requests.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath}{range}");
        return base.SendAsync(request, cancellationToken);
    }
}
