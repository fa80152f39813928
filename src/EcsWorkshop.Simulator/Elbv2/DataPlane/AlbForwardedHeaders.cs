using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace EcsWorkshop.Simulator.Elbv2.DataPlane;

/// <summary>
/// The headers an ALB adds toward its targets (ALB User Guide, "HTTP headers and Application Load Balancers"):
/// <c>X-Forwarded-For</c> in append mode (the client's IP after any the client sent), <c>X-Forwarded-Proto</c>, and
/// <c>X-Forwarded-Port</c> (the port the client connected to).
/// </summary>
public sealed class AlbForwardedHeaders : HttpTransformer
{
    public static AlbForwardedHeaders Instance { get; } = new();

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        var sent = httpContext.Request.Headers["X-Forwarded-For"].ToString();
        Set(proxyRequest, "X-Forwarded-For", string.IsNullOrEmpty(sent) ? client : $"{sent}, {client}");
        Set(proxyRequest, "X-Forwarded-Proto", httpContext.Request.Scheme);
        Set(proxyRequest, "X-Forwarded-Port", httpContext.Connection.LocalPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Set(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}
