using System.Collections.Concurrent;
using System.Globalization;
using EcsWorkshop.Simulator.Elbv2.Domain;

namespace EcsWorkshop.Simulator.Elbv2.DataPlane;

/// <summary>
/// Health checks of real targets (the Docker runtime), per target group with its settings: an HTTP GET of the path
/// every interval (scaled by the simulation speed) with the timeout, <c>User-Agent: ELB-HealthChecker/2.0</c>, the
/// matcher's codes. A new target is healthy after one passing check (ALB User Guide: "it must pass one health check");
/// afterwards the healthy and unhealthy thresholds count consecutive results. Results go to ELBv2 through
/// <see cref="TargetCommands.ReportHealth"/>, with AWS's reason codes and descriptions.
/// </summary>
public sealed class TargetHealthChecks(Elbv2Engine elbv2, ITargetAddresses addresses)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });

    private readonly ConcurrentDictionary<string, CheckState> _states = new(StringComparer.Ordinal);

    private sealed class CheckState
    {
        public DateTimeOffset Due;
        public int Successes;
        public int Failures;
        public bool Running;
    }

    /// <summary>Starts the checks that are due for the targets of groups the listeners forward to.</summary>
    public void RunDue(IEnumerable<Listener> listeners)
    {
        var world = elbv2.World;
        var now = DateTimeOffset.UtcNow;
        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var groupArn in listeners.SelectMany(l => l.DefaultActions).Select(a => a.TargetGroupArn).Distinct(StringComparer.Ordinal))
        {
            if (!world.TargetGroups.TryGetValue(groupArn, out var group) || !group.HealthCheck.Enabled) continue;
            foreach (var target in world.TargetsOf(groupArn).Where(t => !t.IsDraining))
            {
                live.Add(target.Key);
                var state = _states.GetOrAdd(target.Key, _ => new CheckState { Due = now });
                lock (state)
                {
                    if (state.Running || state.Due > now) continue;
                    state.Running = true;
                    state.Due = now + elbv2.Context.Settings.Scaled(TimeSpan.FromSeconds(group.HealthCheck.IntervalSeconds));
                }
                _ = CheckAsync(group, target, state);
            }
        }
        foreach (var key in _states.Keys.Where(k => !live.Contains(k)).ToList()) _states.TryRemove(key, out _);
    }

    private async Task CheckAsync(TargetGroup group, TargetRegistration target, CheckState state)
    {
        try
        {
            if (await ProbeAsync(group, target).ConfigureAwait(false) is not { } probe) return;
            var result = probe.Failure;
            TargetHealth? report;
            lock (state)
            {
                if (result is null) { state.Successes++; state.Failures = 0; }
                else { state.Failures++; state.Successes = 0; }
                report = Conclude(group.HealthCheck, target.Reported, state, result);
            }
            if (report is not null && report != target.Reported)
                elbv2.Mutate(t => { TargetCommands.ReportHealth(t, group.Arn, target.Id, target.Port, report); return 0; });
        }
        catch (Exception)
        {
            // A change refused (the target went meanwhile): the next round sees the new world.
        }
        finally
        {
            lock (state) state.Running = false;
        }
    }

    /// <summary>The health to report after a check, or null to keep the current one.</summary>
    private static TargetHealth? Conclude(HealthCheckSettings settings, TargetHealth? current, CheckState state, TargetHealth? failure)
    {
        if (failure is null)
            return current is null || state.Successes >= settings.HealthyThresholdCount ? TargetHealth.Healthy : null;
        return state.Failures >= settings.UnhealthyThresholdCount || current is { State: "unhealthy" } ? failure : null;
    }

    /// <summary>The result of one check (a null failure: it passed).</summary>
    private sealed record Probe(TargetHealth? Failure);

    /// <summary>
    /// One check, or null when the target has no published port yet (its containers are still starting): no result
    /// is counted then, so a task registered in ACTIVATING is not failed for the seconds its containers take to start.
    /// </summary>
    private async Task<Probe?> ProbeAsync(TargetGroup group, TargetRegistration target)
    {
        var settings = group.HealthCheck;
        var port = settings.Port == "traffic-port" ? target.Port : int.Parse(settings.Port, CultureInfo.InvariantCulture);
        if (addresses.Resolve(group.Region, target.Id, port) is not TargetAddress.Loopback { Url: var url }) return null;
        using var timeout = new CancellationTokenSource(elbv2.Context.Settings.Scaled(TimeSpan.FromSeconds(settings.TimeoutSeconds)));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, settings.Path));
        request.Headers.TryAddWithoutValidation("User-Agent", "ELB-HealthChecker/2.0");
        try
        {
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return new Probe(HealthCheckResults.Matches(settings.HttpCode, code) ? null : HealthCheckResults.CodeMismatch(code));
        }
        catch (OperationCanceledException)
        {
            return new Probe(HealthCheckResults.Timeout);
        }
        catch (HttpRequestException)
        {
            return new Probe(HealthCheckResults.Failed);
        }
    }
}
