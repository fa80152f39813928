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
    public IReadOnlyList<string> AllFailures { get { lock (_gate) return [.. _failures]; } }
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
    private readonly Learner _learner;
    private readonly Uri _endpoint;
    private readonly Func<string, byte[]?> _blob;
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly SocketsHttpHandler _network = new() { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false, AllowAutoRedirect = false };
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly (string Placeholder, string Value)[] _placeholders;
    private KeyValuePair<string, string>[] _ordered = [];
    private readonly Dictionary<string, string> _owner = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string List, List<string> Ids, RecordedCall Source)> _candidates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _unclaimed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rounds = new(StringComparer.Ordinal);
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
            var step = ReplayStep.At(calls, i);
            i = step.Last;
            try
            {
                await ReplayAsync(step, log, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                log.Failed($"{_learner.Name} #{step.Call.Sequence} {step.Call.Operation}: {e.GetType().Name} {e.Message}");
            }
        }
    }

    private async Task ReplayAsync(ReplayStep step, ReplayLog log, CancellationToken cancellationToken)
    {
        var call = step.Call;
        var clock = Stopwatch.StartNew();
        var polls = 0;
        var tries = 0;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            log.Answered(call.Operation, Stopwatch.GetTimestamp() - started);
            polls++;
            var status = (int)response.StatusCode;
            if (status != call.Status)
            {
                // A read may answer an error for a moment while the world catches up (a waiter then retries); a
                // retried change (DeleteCluster while its services drain) may answer the errors the recording saw
                // before its last attempt succeeded.
                if ((call.IsRead || step.InterimStatuses.Contains(status)) && clock.Elapsed < step.Limit)
                {
                    await Task.Delay(step.Interval, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                // A change about one task the workbook picked by a live choice (lesson 08 interrupts "a task on
                // Fargate Spot") refused for that task: the guessed pairing was another of the same list's tasks; ask
                // about the next one (the refusal changed nothing), a few times at most.
                if (!call.IsRead && status is >= 400 and < 500 && call.Status < 400 && tries++ < 8 && TryNextCandidate(call, out _)) continue;
                log.Failed($"{_learner.Name} #{call.Sequence} {call.Operation}: {status}, recorded {call.Status}{(step.InterimStatuses.Count > 0 ? $" after {polls} attempts in {clock.Elapsed.TotalSeconds:0} s" : "")}: {Encoding.UTF8.GetString(answer)[..Math.Min(answer.Length, 200)]}");
                return;
            }
            var (ids, states) = AnswerFacts.Read(answer);
            if (!call.IsRead || call.States.Count == 0 || ReachedState(call, states))
            {
                Learn(call, ids, response);
                return;
            }
            if (clock.Elapsed >= step.Limit)
            {
                Learn(call, ids, response);
                if (step.IsWaiter)
                    log.Failed($"{_learner.Name} #{call.Sequence} {call.Operation}: the recorded state was not reached in {step.Limit.TotalSeconds:0} s");
                return;
            }
            // Not there yet: if the request names a task paired by a guess among the newcomers of one answer (which
            // of them the workbook picked came from a live choice: the first unhealthy target, the task the
            // scheduler stopped), ask about the next of those newcomers instead.
            if (step.IsWaiter && !TryNextCandidate(call, out var wrapped) && wrapped is { } source)
            {
                // Every candidate tried: ask the request that listed them again (a task placed since joins them).
                var sent = Stopwatch.GetTimestamp();
                using var again = await SendAsync(source, cancellationToken).ConfigureAwait(false);
                var listed = await again.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                log.Answered(source.Operation, Stopwatch.GetTimestamp() - sent);
                if ((int)again.StatusCode == source.Status) Learn(source, AnswerFacts.Read(listed).Ids, again);
            }
            await Task.Delay(step.Interval, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Maps each id of the recorded answer to the id at the same place in this learner's answer; when that live id is
    /// already paired (a list ordered by random ids comes in another order), to the first live newcomer of the same
    /// list instead. When a list brought several newcomers, the pairing is a guess among them: they are kept as the
    /// recorded id's candidates (see <see cref="TryNextCandidate"/>).
    /// </summary>
    private void Learn(RecordedCall call, System.Text.Json.Nodes.JsonObject live, HttpResponseMessage response)
    {
        var newcomers = Newcomers(live);
        foreach (var (place, recorded) in call.Ids)
        {
            if (_ids.ContainsKey(recorded)) continue;
            var now = live[place] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (now == Substitute(recorded)) continue;
            // A registry token may be answered again as it was (it stays valid for hours): many recorded, one live.
            if (place.EndsWith("authorizationToken", StringComparison.Ordinal))
            {
                if (now is not null) _ids[recorded] = now;
                continue;
            }
            var list = newcomers.GetValueOrDefault(ListOf(place)) ?? [];
            if (now is null || _owner.ContainsKey(now)) now = list.FirstOrDefault(id => !_owner.ContainsKey(id));
            if (now is null) continue;
            Pair(recorded, now);
            var whole = LiveList(live, ListOf(place));
            if (whole.Count > 1) _candidates[recorded] = (SameList(call, ListOf(place)), whole, call);
        }
        // Live ids no recorded one was paired with (a task the scheduler started later here than in the recording),
        // listed by the same request: candidates too for a guessed pairing from that request's list.
        foreach (var (list, ids) in newcomers)
        {
            var key = SameList(call, list);
            if (!_unclaimed.TryGetValue(key, out var known)) _unclaimed[key] = known = [];
            known.AddRange(ids.Where(id => !_owner.ContainsKey(id) && !known.Contains(id)));
        }
        if (call.Location is { } recordedLocation && response.Headers.Location is { } location)
        {
            var now = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            var was = recordedLocation.StartsWith("http", StringComparison.Ordinal) ? new Uri(recordedLocation).PathAndQuery : recordedLocation;
            if (was != now) _ids[was.Split('?')[0]] = now.Split('?')[0];
        }
    }

    /// <summary>The live ids in the answer's lists not paired yet, by list (the place with its indices left out).</summary>
    private Dictionary<string, List<string>> Newcomers(System.Text.Json.Nodes.JsonObject live)
    {
        var byList = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (place, value) in live)
        {
            if (!place.Contains('[', StringComparison.Ordinal) || value is not System.Text.Json.Nodes.JsonValue v || !v.TryGetValue<string>(out var id) || _owner.ContainsKey(id)) continue;
            var list = ListOf(place);
            if (!byList.TryGetValue(list, out var ids)) byList[list] = ids = [];
            ids.Add(id);
        }
        return byList;
    }

    private static List<string> LiveList(System.Text.Json.Nodes.JsonObject live, string list) =>
        [.. live.Where(p => ListOf(p.Key) == list && p.Value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out _)).Select(p => p.Value!.GetValue<string>())];

    /// <summary>One list of one request (the recorded request, so a waiter's polls and a watch loop's rounds share it).</summary>
    private static string SameList(RecordedCall call, string list) => $"{call.Method} {call.Path} {call.Target}\n{call.Body}\n{list}";

    private static string ListOf(string place) => System.Text.RegularExpressions.Regex.Replace(place, @"\[\d+\]", "[*]");

    /// <summary>Pairs a recorded id with a live one, and the bare id (a task's) inside each ARN, sent back as often as the ARN.</summary>
    private void Pair(string recorded, string live)
    {
        _ids[recorded] = live;
        _owner[live] = recorded;
        if (Tails(recorded, live) is var (tail, liveTail) && !_ids.ContainsKey(tail) && !_owner.ContainsKey(liveTail))
        {
            _ids[tail] = liveTail;
            _owner[liveTail] = tail;
        }
        _ordered = [];
    }

    private static (string Recorded, string Live)? Tails(string recorded, string live)
    {
        var (a, b) = (recorded.LastIndexOf('/'), live.LastIndexOf('/'));
        return a > 0 && b > 0 && recorded[(a + 1)..] is { Length: >= 8 } tail && live[(b + 1)..] is var liveTail && tail != liveTail ? (tail, liveTail) : null;
    }

    /// <summary>
    /// A waiter whose request names one recorded id paired by a guess among the newcomers of one answer, and whose
    /// answer does not show the recorded state yet: pairs that recorded id with the next of those newcomers (swapping
    /// pairings with the recorded id that had it). The recorded task is one of them; which one the workbook picked
    /// came from a live choice (the first unhealthy target, the task the scheduler stopped) the replay cannot make.
    /// The waiter still fails unless one of them reaches the recorded state.
    /// </summary>
    private bool TryNextCandidate(RecordedCall call, out RecordedCall? wrapped)
    {
        wrapped = null;
        var request = call.Path + "\n" + call.Body;
        var named = _candidates.Keys.Where(r => request.Contains(r, StringComparison.Ordinal)
            || (Tails(r, _ids[r]) is var (tail, _) && request.Contains(tail, StringComparison.Ordinal))).Take(2).ToList();
        if (named.Count != 1) return false;
        var recorded = named[0];
        var (list, group, _) = _candidates[recorded];
        var current = _ids[recorded];
        var candidates = group.Concat(_unclaimed.GetValueOrDefault(list) ?? []).Distinct(StringComparer.Ordinal).ToList();
        var at = (candidates.IndexOf(current) + 1) % candidates.Count;
        if (at == 0)
        {
            // A whole round tried: the caller may list them again; the next round starts from the first.
            wrapped = _candidates[recorded].Source;
            if (_rounds.TryGetValue(recorded, out var round) && round == candidates.Count) return false;
            _rounds[recorded] = candidates.Count;
        }
        var next = candidates[at];
        if (next == current) return false;
        var other = _owner.GetValueOrDefault(next);
        Unpair(recorded, current);
        if (other is not null) Unpair(other, next);
        Pair(recorded, next);
        if (other is not null) Pair(other, current);
        return true;
    }

    private void Unpair(string recorded, string live)
    {
        _ids.Remove(recorded);
        _owner.Remove(live);
        if (Tails(recorded, live) is var (tail, liveTail) && _ids.GetValueOrDefault(tail) == liveTail)
        {
            _ids.Remove(tail);
            _owner.Remove(liveTail);
        }
        _ordered = [];
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
