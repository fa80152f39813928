using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using EcsWorkshop.Facts.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>
/// An opt-in record of every AWS call the server answers, in order, for the classroom benchmark's replay: with the
/// environment variable <see cref="Variable"/> naming a file, each JSON 1.1, Query and registry request is appended
/// (and each POST to the workshop's own <c>/_workshop/…</c> endpoints) to it as one line of JSON — the method, path, target or action, the signing service and region, the body (as
/// text; a binary registry blob as its SHA-256 and length), the status, and the answer's ids (ARNs, task ids,
/// digests, tokens, upload locations) and states (statuses and counts) by their place in the answer, so a replay can
/// map the recorded ids to its own and poll a read until it sees the recorded state. Off (and free) without it.
/// </summary>
public sealed class CallRecorder
{
    /// <summary>The environment variable naming the file to append to.</summary>
    public const string Variable = "ECS_WORKSHOP_RECORD_CALLS";

    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly long _started = Environment.TickCount64;
    private readonly HashSet<string> _seenIds = new(StringComparer.Ordinal);
    private int _sequence;

    /// <summary>
    /// What the file says instead of the recording server's port (after <c>127.0.0.1:</c> or <c>localhost:</c>, as in
    /// image URIs) and account id, for a replay to fill in.
    /// </summary>
    public const string PortPlaceholder = "{{port}}";

    /// <summary>See <see cref="PortPlaceholder"/>.</summary>
    public const string AccountPlaceholder = "{{account}}";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private CallRecorder(string path) => _path = path;

    /// <summary>Records every call into the file <see cref="Variable"/> names, if it names one.</summary>
    public static void UseFromEnvironment(WebApplication app)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path) return;
        var recorder = new CallRecorder(Path.GetFullPath(path));
        app.Use(recorder.RecordAsync);
    }

    private async Task RecordAsync(HttpContext http, RequestDelegate next)
    {
        var path = http.Request.Path.Value ?? "/";
        var registry = path == "/v2" || path.StartsWith("/v2/", StringComparison.Ordinal);
        // The workshop's own POSTs (/_workshop/load, /_workshop/spot-interruption…) change the world as lessons do.
        var workshop = path.StartsWith("/_workshop/", StringComparison.Ordinal) && HttpMethods.IsPost(http.Request.Method);
        if (!(registry || workshop || (path == "/" && HttpMethods.IsPost(http.Request.Method))))
        {
            await next(http).ConfigureAwait(false);
            return;
        }
        http.Request.EnableBuffering();
        using var requestBody = new MemoryStream();
        await http.Request.Body.CopyToAsync(requestBody, http.RequestAborted).ConfigureAwait(false);
        http.Request.Body.Position = 0;

        var originalBody = http.Response.Body;
        using var answer = new MemoryStream();
        // Registry answers (blobs) are not kept: their ids are in the headers.
        if (!registry) http.Response.Body = answer;
        try
        {
            await next(http).ConfigureAwait(false);
        }
        finally
        {
            if (!registry)
            {
                http.Response.Body = originalBody;
                answer.Position = 0;
                await answer.CopyToAsync(originalBody, http.RequestAborted).ConfigureAwait(false);
            }
        }
        var line = Describe(http, path, requestBody.ToArray(), registry ? [] : answer.ToArray());
        lock (_gate)
        {
            // An id is learned where it first appears; later places of the same id add nothing to a replay.
            if (line["ids"] is JsonObject ids)
            {
                foreach (var place in ids.Where(p => !_seenIds.Add(p.Value!.GetValue<string>())).Select(p => p.Key).ToList()) ids.Remove(place);
                if (ids.Count == 0) line.Remove("ids");
            }
            line["seq"] = ++_sequence;
            var port = http.Connection.LocalPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = line.ToJsonString(Compact)
                .Replace($"127.0.0.1:{port}", $"127.0.0.1:{PortPlaceholder}", StringComparison.Ordinal)
                .Replace($"localhost:{port}", $"localhost:{PortPlaceholder}", StringComparison.Ordinal)
                .Replace(SimulatedAccount.Id, AccountPlaceholder, StringComparison.Ordinal);
            File.AppendAllText(_path, text + "\n");
        }
    }

    private JsonObject Describe(HttpContext http, string path, byte[] body, byte[] answer)
    {
        var request = http.Request;
        var contentType = request.ContentType ?? "";
        var line = new JsonObject
        {
            ["atMs"] = Environment.TickCount64 - _started,
            ["method"] = request.Method,
            ["path"] = path + request.QueryString.Value,
        };
        if (request.Headers["X-Amz-Target"].ToString() is { Length: > 0 } target) line["target"] = target;
        if (contentType.Length > 0) line["contentType"] = contentType;
        var authorization = request.Headers.Authorization.ToString();
        if (CredentialScope(authorization) is { } scope)
        {
            line["signingService"] = scope.Service;
            line["region"] = scope.Region;
        }
        else if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            line["basicAuth"] = authorization["Basic ".Length..];
        }
        if (body.Length > 0)
        {
            if (IsText(contentType, body)) line["body"] = Encoding.UTF8.GetString(body);
            else
            {
                line["bodySha256"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
                line["bodyLength"] = body.Length;
            }
        }
        line["status"] = http.Response.StatusCode;
        if (http.Response.Headers.Location.ToString() is { Length: > 0 } location) line["location"] = location;
        if (http.Response.Headers["Docker-Content-Digest"].ToString() is { Length: > 0 } digest) line["digest"] = digest;
        var (ids, states) = AnswerFacts.Read(answer);
        if (ids.Count > 0) line["ids"] = ids;
        if (states.Count > 0 && IsRead(line["target"]?.GetValue<string>(), line["body"]?.GetValue<string>())) line["states"] = states;
        return line;
    }

    // The reads a waiter repeats (their states tell a replay when to stop); other answers' states are not needed.
    private static bool IsRead(string? target, string? body)
    {
        var name = target is not null ? target[(target.LastIndexOf('.') + 1)..]
            : body?.Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == "Action")?[1] ?? "";
        return name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal)
            || name.StartsWith("Get", StringComparison.Ordinal) || name.StartsWith("BatchGet", StringComparison.Ordinal);
    }

    private static (string Service, string Region)? CredentialScope(string authorization)
    {
        const string marker = "Credential=";
        var at = authorization.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return null;
        var parts = authorization[(at + marker.Length)..].Split([',', ' '], 2)[0].Split('/');
        return parts.Length >= 5 ? (parts[3], parts[2]) : null;
    }

    private static bool IsText(string contentType, byte[] body) =>
        (contentType.Contains("json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        && body.Length < 1_000_000 && Utf8.IsValid(body);

    private static class Utf8
    {
        public static bool IsValid(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
    }
}

/// <summary>
/// The ids and states of an answer (JSON or XML), each by its place: <c>services[0].serviceArn</c> →
/// <c>arn:aws:ecs:…</c>. Ids are the strings a later request may carry back (ARNs, 32-hex task ids, digests,
/// deployment ids, registry tokens, DNS names); states are the members a waiter watches (statuses, counts).
/// Shared by the recorder and the replay, so both read an answer the same way.
/// </summary>
public static class AnswerFacts
{
    private static readonly HashSet<string> IdMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorizationToken", "DNSName", "dnsName", "id", "taskId", "imageDigest", "registryId", "nextToken", "NextMarker", "uploadId",
    };

    private static readonly HashSet<string> StateMembers = new(StringComparer.OrdinalIgnoreCase)
    {
        "lastStatus", "desiredStatus", "status", "rolloutState", "runningCount", "pendingCount", "desiredCount", "healthStatus", "Code", "State",
        "imageScanStatus", "DesiredCapacity", "StatusCode",
    };

    /// <summary>The ids and states of an answer, empty when it is neither JSON nor XML.</summary>
    public static (JsonObject Ids, JsonObject States) Read(byte[] answer)
    {
        var ids = new JsonObject();
        var states = new JsonObject();
        if (answer.Length == 0) return (ids, states);
        var first = Array.FindIndex(answer, b => b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'));
        try
        {
            if (first >= 0 && answer[first] is (byte)'{' or (byte)'[')
                Walk(JsonNode.Parse(answer), "", ids, states);
            else if (first >= 0 && answer[first] == (byte)'<')
                Walk(XDocument.Parse(Encoding.UTF8.GetString(answer)).Root, "", ids, states);
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException)
        {
        }
        return (ids, states);
    }

    /// <summary>Whether a string is an id a later request may carry back.</summary>
    public static bool LooksLikeId(string member, string value) =>
        value.Length > 0 && (IdMembers.Contains(member)
            || value.StartsWith("arn:aws:", StringComparison.Ordinal)
            || value.StartsWith("sha256:", StringComparison.Ordinal)
            || value.StartsWith("ecs-svc/", StringComparison.Ordinal)
            || (value.Length == 32 && value.All(char.IsAsciiHexDigitLower)));

    private static void Walk(JsonNode? node, string path, JsonObject ids, JsonObject states)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    // A service's events differ in number from run to run: nothing in them is sent back or waited for.
                    if (name == "events") continue;
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", ids, states);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]", ids, states);
                break;
            case JsonValue v:
                var member = Member(path);
                if (v.TryGetValue<string>(out var text))
                {
                    if (LooksLikeId(member, text)) ids[path] = text;
                    else if (StateMembers.Contains(member)) states[path] = text;
                }
                else if (StateMembers.Contains(member) && v.TryGetValue<long>(out var number)) states[path] = number;
                break;
        }
    }

    private static void Walk(XElement? element, string path, JsonObject ids, JsonObject states)
    {
        if (element is null) return;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName;
            var index = counts[name] = counts.GetValueOrDefault(name) + 1;
            var at = $"{path}/{name}[{index}]";
            if (!child.HasElements)
            {
                if (LooksLikeId(name, child.Value)) ids[at] = child.Value;
                else if (StateMembers.Contains(name) || StateMembers.Contains(Member(path))) states[at] = child.Value;
            }
            else Walk(child, at, ids, states);
        }
    }

    private static string Member(string path)
    {
        var end = path.EndsWith(']') ? path.LastIndexOf('[') : path.Length;
        var trimmed = path[..end];
        var dot = Math.Max(trimmed.LastIndexOf('.'), trimmed.LastIndexOf('/'));
        return trimmed[(dot + 1)..];
    }
}
