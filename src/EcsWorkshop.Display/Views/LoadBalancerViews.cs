using System.Collections.Immutable;

namespace EcsWorkshop.Display.Views;

/// <summary>An Application Load Balancer: where it is, its state and its DNS name.</summary>
public sealed record LoadBalancerView
{
    public required string Name { get; init; }
    public string? Arn { get; init; }
    public string? DnsName { get; init; }

    /// <summary><c>provisioning</c>, <c>active</c>, <c>active_impaired</c> or <c>failed</c>.</summary>
    public string? State { get; init; }
    public string? Scheme { get; init; }
    public string? VpcId { get; init; }

    /// <summary>Its subnets, one per Availability Zone (<c>ap-northeast-1a: subnet-…</c>).</summary>
    public ImmutableArray<SubnetPlacement> Zones { get; init; } = [];
    public ImmutableArray<string> SecurityGroups { get; init; } = [];
}

/// <summary>A subnet in an Availability Zone.</summary>
public sealed record SubnetPlacement(string? Zone, string? SubnetId);

/// <summary>A target group with its health check settings and deregistration delay.</summary>
public sealed record TargetGroupView
{
    public required string Name { get; init; }
    public string? Arn { get; init; }
    public string? Protocol { get; init; }
    public int? Port { get; init; }
    public string? TargetType { get; init; }
    public string? HealthCheckPath { get; init; }
    public int? HealthCheckIntervalSeconds { get; init; }
    public int? HealthCheckTimeoutSeconds { get; init; }
    public int? HealthyThresholdCount { get; init; }
    public int? UnhealthyThresholdCount { get; init; }
    public string? Matcher { get; init; }

    /// <summary><c>deregistration_delay.timeout_seconds</c> (AWS's default is 300).</summary>
    public int? DeregistrationDelaySeconds { get; init; }
}

/// <summary>A listener: its protocol and port, and the target group its default action forwards to.</summary>
public sealed record ListenerView
{
    public string? Arn { get; init; }
    public string? Protocol { get; init; }
    public int? Port { get; init; }
    public string? ForwardsTo { get; init; }
}

/// <summary>One line of a multi-call step: what was done and the AWS CLI command that does it.</summary>
public sealed record CliStep(string What, string CommandLine);

/// <summary>
/// What creating a load balancer for a service made: the security group, the load balancer, the target group, the
/// listener, the URL to open, and each call's AWS CLI command in order.
/// </summary>
public sealed record LoadBalancerSetupView
{
    public required LoadBalancerView LoadBalancer { get; init; }
    public required TargetGroupView TargetGroup { get; init; }
    public required ListenerView Listener { get; init; }

    /// <summary>The security group the load balancer is in.</summary>
    public string? SecurityGroupId { get; init; }

    /// <summary>Where to open the load balancer from this machine (a loopback URL in the simulator, the DNS name on AWS).</summary>
    public string? Url { get; init; }

    /// <summary>The calls made, in order, as AWS CLI commands.</summary>
    public ImmutableArray<CliStep> Steps { get; init; } = [];
}

/// <summary>The health of every target of a target group (DescribeTargetHealth), at one moment.</summary>
public sealed record TargetHealthView
{
    public required string TargetGroup { get; init; }
    public string? TargetGroupArn { get; init; }
    public DateTimeOffset? At { get; init; }
    public ImmutableArray<TargetHealthRow> Targets { get; init; } = [];

    /// <summary>How many targets are in each state (<c>healthy 2, initial 1</c>).</summary>
    public string Summary => Targets.IsDefaultOrEmpty
        ? "ターゲットはありません"
        : string.Join("、", Targets.GroupBy(t => t.State ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
}

/// <summary>One target: its IP address and port, the task behind it (when known), and its health.</summary>
public sealed record TargetHealthRow(string Id, int? Port, string? Zone, string? State, string? Reason, string? Description, string? TaskId = null);

/// <summary>A page fetched over HTTP: the status, the headers and the text, and which task answered (when the page says).</summary>
public sealed record WebPageView
{
    public required string Url { get; init; }
    public int StatusCode { get; init; }
    public string? ReasonPhrase { get; init; }
    public ImmutableArray<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body as text (HTML tags removed, blank lines folded).</summary>
    public string Text { get; init; } = "";

    /// <summary>The body as received.</summary>
    public string Body { get; init; } = "";

    /// <summary>The task id the page names, or null.</summary>
    public string? TaskId { get; init; }

    /// <summary>The <c>APP_VERSION</c> the page names, or null.</summary>
    public string? AppVersion { get; init; }

    /// <summary>True when the page is the simulator's stand-in for a task (the simulated runtime).</summary>
    public bool IsStandIn { get; init; }
}

/// <summary>One request of a traffic run: when (since the start), the status (null when no answer came), and who answered.</summary>
public sealed record TrafficSample(TimeSpan At, int? StatusCode, string? AppVersion, string? TaskId, string? Error = null)
{
    /// <summary>Anything but a 2xx answer counts as failed.</summary>
    public bool Failed => StatusCode is not (>= 200 and < 300);
}

/// <summary>Requests sent to one URL over a while: how many answered per second, by version.</summary>
public sealed record TrafficView
{
    public required string Url { get; init; }
    public ImmutableArray<TrafficSample> Samples { get; init; } = [];

    public int Total => Samples.Length;
    public int Failures => Samples.Count(s => s.Failed);

    /// <summary>The versions that answered, in the order they first answered.</summary>
    public ImmutableArray<string> Versions => [.. Samples.Where(s => !s.Failed).Select(s => s.AppVersion ?? "?").Distinct(StringComparer.Ordinal)];

    /// <summary>The distinct tasks that answered.</summary>
    public int Tasks => Samples.Where(s => s.TaskId is not null).Select(s => s.TaskId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Answers per whole second since the start: per version, and the failures.</summary>
    public ImmutableArray<TrafficSecond> Seconds
    {
        get
        {
            if (Samples.IsDefaultOrEmpty) return [];
            var last = (int)Math.Floor(Samples.Max(s => s.At).TotalSeconds);
            return [.. Enumerable.Range(0, last + 1).Select(second =>
            {
                var inSecond = Samples.Where(s => (int)Math.Floor(s.At.TotalSeconds) == second).ToList();
                return new TrafficSecond(second,
                    inSecond.Where(s => !s.Failed).GroupBy(s => s.AppVersion ?? "?", StringComparer.Ordinal)
                        .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                    inSecond.Count(s => s.Failed));
            })];
        }
    }
}

/// <summary>One second of a traffic run: answers per version, and failures.</summary>
public sealed record TrafficSecond(int Second, ImmutableSortedDictionary<string, int> ByVersion, int Failures);
