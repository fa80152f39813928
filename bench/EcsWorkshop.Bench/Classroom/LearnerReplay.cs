using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Bench.Classroom;

/// <summary>Every request one simulated learner sent: its operation, time taken, and whether it failed (and why).</summary>
public sealed class ReplayLog
{
    private readonly Lock _gate = new();
    private readonly List<(string Operation, long Ticks)> _timings = [];
    private readonly List<string> _failures = [];

    public int Requests { get { lock (_gate) return _timings.Count; } }
    public int Failures { get { lock (_gate) return _failures.Count; } }
    public IReadOnlyList<string> FailureSamples { get { lock (_gate) return [.. _failures.Take(5)]; } }
    public IReadOnlyList<(string Operation, long Ticks)> Timings { get { lock (_gate) return [.. _timings]; } }

    public void Answered(string operation, long ticks) { lock (_gate) _timings.Add((operation, ticks)); }
    public void Failed(string why) { lock (_gate) _failures.Add(why); }
}

/// <summary>
/// One simulated learner replaying the recorded workbook against the room's server: every call in order, signed with
/// the learner's own key pair (AWSSDK.Core's SigV4 signing handler, as the project's AWS client signs), the recorded
/// account id and server address replaced by the learner's, each id the server answered in the recording replaced
/// by the one it answered this learner (learned by place in the answer), registry blobs sent from the same image
/// built again here, and every waiter's reads repeated until the answer shows the recorded state.
/// </summary>
public sealed class LearnerReplay : IDisposable
{
    /// <summary>How long a waiter's reads may take to see the recorded state before the step counts as failed.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(90);

    /// <summary>How long a single read is repeated for the recorded state before the replay moves on anyway.</summary>
    public static readonly TimeSpan GlanceLimit = TimeSpan.FromSeconds(3);

    private readonly Learner _learner;
    private readonly Uri _endpoint;
    private readonly Func<string, byte[]?> _blob;
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly SocketsHttpHandler _network = new() { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false, AllowAutoRedirect = false };
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly (string Placeholder, string Value)[] _placeholders;
    private KeyValuePair<string, string>[] _ordered = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private string _region = "us-east-1";

    public LearnerReplay(Learner learner, Uri endpoint, Func<string, byte[]?> blob)
    {
        _learner = learner;
        _endpoint = endpoint;
        _blob = blob;
        _placeholders = [(RecordedCall.AccountPlaceholder, learner.AccountId), (RecordedCall.PortPlaceholder, endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>Replays <paramref name="calls"/> in order into <paramref name="log"/>.</summary>
    public async Task RunAsync(IReadOnlyList<RecordedCall> calls, ReplayLog log, CancellationToken cancellationToken)
    {
        for (var i = 0; i < calls.Count; i++)
        {
            // A waiter's polls: the same read repeated; only the last one's state matters.
            var last = i;
            while (last + 1 < calls.Count && calls[last + 1].IsRead && calls[last + 1].SameRequestAs(calls[i])) last++;
            var call = calls[last];
            var waiter = last > i;
            var limit = waiter ? WaitLimit : GlanceLimit;
            var interval = last > i ? TimeSpan.FromMilliseconds(Math.Clamp((calls[last].AtMs - calls[i].AtMs) / (last - i), 50, 1000)) : TimeSpan.FromMilliseconds(100);
            i = last;
            try
            {
                await ReplayAsync(call, limit, interval, failIfNotReached: waiter, log, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                log.Failed($"{_learner.Name} #{call.Sequence} {call.Operation}: {e.GetType().Name} {e.Message}");
            }
        }
    }

    private async Task ReplayAsync(RecordedCall call, TimeSpan limit, TimeSpan interval, bool failIfNotReached, ReplayLog log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            log.Answered(call.Operation, Stopwatch.GetTimestamp() - started);
            if ((int)response.StatusCode != call.Status)
            {
                // A read may answer an error for a moment while the world catches up (a waiter then retries).
                if (call.IsRead && clock.Elapsed < limit)
                {
                    await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                log.Failed($"{_learner.Name} #{call.Sequence} {call.Operation}: {(int)response.StatusCode}, recorded {call.Status}: {Encoding.UTF8.GetString(answer)[..Math.Min(answer.Length, 200)]}");
                return;
            }
            var (ids, states) = AnswerFacts.Read(answer);
            if (!call.IsRead || call.States.Count == 0 || ReachedState(call, states))
            {
                Learn(call, ids, response);
                return;
            }
            if (clock.Elapsed >= limit)
            {
                Learn(call, ids, response);
                if (failIfNotReached)
                    log.Failed($"{_learner.Name} #{call.Sequence} {call.Operation}: the recorded state was not reached in {limit.TotalSeconds:0} s");
                return;
            }
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    // The recorded state is reached when each element of the answer's lists (tasks[0], services[1]…) has a live
    // counterpart in the same state, in any order: which of a service's tasks the scheduler stops, or the order
    // of tasks whose ids are random, is the simulator's choice, not the workbook's.
    private bool ReachedState(RecordedCall call, System.Text.Json.Nodes.JsonObject live)
    {
        var recorded = Elements(call.States.Select(p => (p.Key, (string?)Substitute(p.Value))));
        var now = Elements(live.Select(p => (p.Key, p.Value is System.Text.Json.Nodes.JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null)));
        foreach (var (list, states) in recorded)
        {
            var available = now.GetValueOrDefault(list)?.ToList() ?? [];
            foreach (var state in states)
            {
                var at = available.IndexOf(state);
                if (at < 0) return false;
                available.RemoveAt(at);
            }
        }
        return true;
    }

    /// <summary>States grouped by list element: "tasks" → one signature per task ("lastStatus=STOPPED;…").</summary>
    private static Dictionary<string, List<string>> Elements(IEnumerable<(string Place, string? Value)> states)
    {
        var byElement = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (place, value) in states)
        {
            var bracket = place.IndexOf('[');
            var close = bracket < 0 ? -1 : place.IndexOf(']', bracket);
            var element = close < 0 ? "" : place[..(close + 1)];
            var rest = close < 0 ? place : place[(close + 1)..];
            if (!byElement.TryGetValue(element, out var list)) byElement[element] = list = [];
            list.Add($"{rest}={value}");
        }
        var byList = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (element, parts) in byElement)
        {
            var name = element.Length == 0 ? "" : element[..element.IndexOf('[')];
            if (!byList.TryGetValue(name, out var signatures)) byList[name] = signatures = [];
            signatures.Add(string.Join(';', parts.Order(StringComparer.Ordinal)));
        }
        return byList;
    }

    /// <summary>Maps each id of the recorded answer to the id at the same place in this learner's answer.</summary>
    private void Learn(RecordedCall call, System.Text.Json.Nodes.JsonObject live, HttpResponseMessage response)
    {
        foreach (var (place, recorded) in call.Ids)
        {
            if (live[place] is not System.Text.Json.Nodes.JsonValue v || !v.TryGetValue<string>(out var now)) continue;
            var expected = Substitute(recorded);
            // One recorded id, one live id: the first pairing holds (lists ordered by random ids pair up differently,
            // but consistently, so what the recording did to one task this learner does to one task).
            if (expected == now || _ids.ContainsKey(recorded)) continue;
            // A registry token may be answered again as it was (it stays valid for hours): many recorded, one live.
            if (!place.EndsWith("authorizationToken", StringComparison.Ordinal) && !_taken.Add(now)) continue;
            _ids[recorded] = now;
            // A bare id (a task's) is sent back as often as its ARN.
            var (a, b) = (recorded.LastIndexOf('/'), now.LastIndexOf('/'));
            if (a > 0 && b > 0 && recorded[(a + 1)..] is { Length: >= 8 } tail && now[(b + 1)..] is var liveTail && tail != liveTail
                && !_ids.ContainsKey(tail) && _taken.Add(liveTail))
                _ids[tail] = liveTail;
        }
        if (call.Location is { } recordedLocation && response.Headers.Location is { } location)
        {
            var now = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            var was = recordedLocation.StartsWith("http", StringComparison.Ordinal) ? new Uri(recordedLocation).PathAndQuery : recordedLocation;
            if (was != now) _ids[was.Split('?')[0]] = now.Split('?')[0];
        }
    }

    // The recorded ids first (longest first, so an ARN goes before the bare id inside it), then the placeholders.
    private string Substitute(string text)
    {
        if (text.Contains("{{", StringComparison.Ordinal) || _ids.Count > 0)
        {
            if (_ordered.Length != _ids.Count) _ordered = [.. _ids.OrderByDescending(p => p.Key.Length)];
            foreach (var (recorded, live) in _ordered)
                if (text.Contains(recorded, StringComparison.Ordinal)) text = text.Replace(recorded, live, StringComparison.Ordinal);
            foreach (var (placeholder, value) in _placeholders) text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }
        return text;
    }

    private Task<HttpResponseMessage> SendAsync(RecordedCall call, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(new HttpMethod(call.Method), new Uri(_endpoint, Substitute(call.Path)));
        if (call.Body is { } body) request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Substitute(body)));
        else if (call.BodySha256 is { } digest)
            request.Content = new ByteArrayContent(_blob(digest) ?? throw new InvalidOperationException($"No blob {digest}: the sample image built here differs from the recorded one (re-record, see bench/classroom/README.md)."));
        if (request.Content is not null && call.ContentType is { } type) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        if (call.Target is { } target) request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        if (call.BasicAuth is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Substitute(token));
        return ClientFor(call).SendAsync(request, cancellationToken);
    }

    private HttpClient ClientFor(RecordedCall call)
    {
        // The workshop's own endpoints are signed like an ECS call in a classroom (the single-learner helper may
        // send them unsigned), in the region the learner works in.
        var (service, region) = call.SigningService is { } recorded ? (recorded, call.Region ?? _region)
            : call.Path.StartsWith("/_workshop/", StringComparison.Ordinal) ? ("ecs", _region)
            : ((string?)null, (string?)null);
        if (call.Region is { } seen) _region = seen;
        var key = service is null ? "" : $"{service}/{region}";
        if (_clients.TryGetValue(key, out var client)) return client;
        HttpMessageHandler handler = service is not null
            ? new SigV4SigningHandler(new BasicAWSCredentials(_learner.AccessKeyId, _learner.SecretAccessKey), RegionEndpoint.GetBySystemName(region ?? "us-east-1"), service, _network)
            : new Unowned(_network);
        client = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) };
        _clients[key] = client;
        return client;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values) client.Dispose();
        _network.Dispose();
    }

    /// <summary>Passes requests to the shared connection pool without owning it.</summary>
    private sealed class Unowned(HttpMessageHandler inner) : DelegatingHandler(inner);
}
