using System.Text.Json.Nodes;

namespace EcsWorkshop.Bench.Classroom;

/// <summary>
/// One call of the recorded workbook (a line of <c>bench/classroom/workbook-calls.jsonl</c>, written by the
/// simulator's <c>CallRecorder</c>): what was sent, what status came back, and the answer's ids and states by place.
/// </summary>
public sealed record RecordedCall(
    int Sequence, long AtMs, string Method, string Path, string? Target, string? ContentType, string? SigningService, string? Region,
    string? BasicAuth, string? Body, string? BodySha256, int Status, string? Location,
    IReadOnlyDictionary<string, string> Ids, IReadOnlyDictionary<string, string> States)
{
    /// <summary>Placeholders the stored file carries instead of the recording server's address and account.</summary>
    public const string PortPlaceholder = EcsWorkshop.Simulator.Hosting.CallRecorder.PortPlaceholder;

    /// <summary>See <see cref="PortPlaceholder"/>.</summary>
    public const string AccountPlaceholder = EcsWorkshop.Simulator.Hosting.CallRecorder.AccountPlaceholder;

    /// <summary>The call's name in the figures: <c>ecs:DescribeServices</c>, <c>elasticloadbalancing:CreateListener</c>, <c>registry:PUT manifest</c>.</summary>
    public string Operation => Target is { } target ? $"{SigningService ?? "json"}:{target[(target.LastIndexOf('.') + 1)..]}"
        : Path.StartsWith("/v2", StringComparison.Ordinal) ? $"registry:{Method} {RegistryRoute(Path)}"
        : Path.StartsWith("/_workshop/", StringComparison.Ordinal) ? $"workshop:{Path.Split('?')[0]}"
        : $"{SigningService ?? "query"}:{QueryAction(Body) ?? Method}";

    /// <summary>A read a waiter may repeat until it sees a state (Describe*, List*, Get*).</summary>
    public bool IsRead
    {
        get
        {
            var name = Operation[(Operation.IndexOf(':') + 1)..];
            return Path == "/"
                && (name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal)
                    || name.StartsWith("Get", StringComparison.Ordinal) || name.StartsWith("BatchGet", StringComparison.Ordinal));
        }
    }

    /// <summary>The same request as <paramref name="other"/> (a waiter's repeated poll).</summary>
    public bool SameRequestAs(RecordedCall other) =>
        Method == other.Method && Path == other.Path && Target == other.Target && Body == other.Body;

    /// <summary>Reads the stored file.</summary>
    public static IReadOnlyList<RecordedCall> ReadAll(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0 && l[0] == '{').Select(Parse)];

    private static RecordedCall Parse(string line)
    {
        var o = JsonNode.Parse(line)!.AsObject();
        string? S(string name) => o[name]?.GetValue<string>();
        IReadOnlyDictionary<string, string> Map(string name) => o[name] is JsonObject m
            ? m.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value!.ToJsonString(), StringComparer.Ordinal)
            : new Dictionary<string, string>();
        return new RecordedCall(
            o["seq"]!.GetValue<int>(), o["atMs"]?.GetValue<long>() ?? 0, S("method")!, S("path")!, S("target"), S("contentType"), S("signingService"), S("region"),
            S("basicAuth"), S("body"), S("bodySha256"), o["status"]!.GetValue<int>(), S("location"), Map("ids"), Map("states"));
    }

    private static string? QueryAction(string? body) =>
        body?.Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == "Action")?[1];

    private static string RegistryRoute(string path)
    {
        var bare = path.Split('?')[0];
        return bare.Contains("/blobs/uploads", StringComparison.Ordinal) ? "blob upload"
            : bare.Contains("/blobs/", StringComparison.Ordinal) ? "blob"
            : bare.Contains("/manifests/", StringComparison.Ordinal) ? "manifest"
            : bare.Contains("/tags/", StringComparison.Ordinal) ? "tags"
            : "base";
    }
}
