using Amazon.Runtime.Signing;
using EcsWorkshop.Aws;

namespace EcsWorkshop.Docker;

/// <summary>
/// The HTTP client for the simulator's own workshop paths (<c>/_workshop/endpoints</c>, <c>/_workshop/exec</c>,
/// <c>/_workshop/load</c>, <c>/_workshop/spot-interruption</c>). Given the session's settings, each request is signed
/// with SigV4 like an ECS call, so a classroom's simulator knows whose tasks, listeners and services it acts on; a
/// learner's own simulator takes the request signed or not.
/// </summary>
public static class SimulatorControlHttp
{
    /// <summary>The service name the requests are signed for.</summary>
    public const string SigningName = "ecs";

    /// <summary>A client with <paramref name="timeout"/>, signing as <paramref name="signedAs"/> when given.</summary>
    public static HttpClient Create(TimeSpan timeout, AwsClientSettings? signedAs) => signedAs is null
        ? new HttpClient { Timeout = timeout }
        : new HttpClient(new SigV4SigningHandler(signedAs.Credentials, signedAs.Region, SigningName, new SocketsHttpHandler())) { Timeout = timeout };
}
