using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>
/// A scalable target: an ECS service's desired count (<c>ecs:service:DesiredCount</c> of <c>service/CLUSTER/SERVICE</c>)
/// that Application Auto Scaling may move between <see cref="MinCapacity"/> and <see cref="MaxCapacity"/>. It also keeps
/// when its policies last scaled it out and in (for the cooldowns), the last evaluation period it saw, and the activity
/// still waiting for ECS to reach its count, and the not-scaled reason already recorded for the alarm still in ALARM.
/// </summary>
public sealed record ScalableTarget(
    string Key,
    string Region,
    string ServiceNamespace,
    string ResourceId,
    string ScalableDimension,
    int MinCapacity,
    int MaxCapacity,
    string RoleArn,
    string Arn,
    DateTimeOffset CreatedAt,
    SuspendedState Suspended,
    ImmutableSortedDictionary<string, string> Tags,
    DateTimeOffset? LastScaleOutAt = null,
    DateTimeOffset? LastScaleInAt = null,
    long? LastEvaluatedPeriod = null,
    string? InProgressActivityKey = null,
    string? ReportedNotScaled = null)
{
    /// <summary>The ECS service the target scales, as named in its resource id.</summary>
    public EcsServiceResource Service => EcsServiceResource.Parse(ResourceId)!;

    public static string KeyOf(string region, string serviceNamespace, string resourceId, string dimension) =>
        $"{region}|{serviceNamespace}|{resourceId}|{dimension}";
}

/// <summary>Which parts of scaling are suspended (all false by default).</summary>
public sealed record SuspendedState(bool DynamicScalingInSuspended, bool DynamicScalingOutSuspended, bool ScheduledScalingSuspended)
{
    public static SuspendedState None { get; } = new(false, false, false);
}

/// <summary>The cluster and service a resource id <c>service/CLUSTER/SERVICE</c> names.</summary>
public sealed record EcsServiceResource(string Cluster, string Service)
{
    public const string Prefix = "service/";

    /// <summary>The parts of <c>service/CLUSTER/SERVICE</c>, or null for any other shape.</summary>
    public static EcsServiceResource? Parse(string resourceId)
    {
        if (!resourceId.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var parts = resourceId[Prefix.Length..].Split('/');
        return parts is [{ Length: > 0 } cluster, { Length: > 0 } service] ? new(cluster, service) : null;
    }

    public override string ToString() => $"{Prefix}{Cluster}/{Service}";
}

/// <summary>A scaling policy of a target. Only target tracking is simulated.</summary>
public sealed record ScalingPolicy(
    string Key,
    string TargetKey,
    string Region,
    string PolicyName,
    string PolicyArn,
    string ServiceNamespace,
    string ResourceId,
    string ScalableDimension,
    string PolicyType,
    TargetTrackingPolicy TargetTracking,
    ImmutableArray<PolicyAlarm> Alarms,
    DateTimeOffset CreatedAt,
    AlarmStreaks Streaks)
{
    public static string KeyOf(string targetKey, string policyName) => $"{targetKey}|{policyName}";

    /// <summary>The generated alarm that scales out (<c>…-AlarmHigh-…</c>).</summary>
    public PolicyAlarm High => Alarms[0];

    /// <summary>The generated alarm that scales in (<c>…-AlarmLow-…</c>).</summary>
    public PolicyAlarm Low => Alarms[1];
}

/// <summary>
/// A target tracking configuration as the user sent it (cooldowns stay null when not sent; the effective value is
/// <see cref="TargetTracking.TargetTrackingRules.DefaultCooldownSeconds"/>).
/// </summary>
public sealed record TargetTrackingPolicy(
    double TargetValue,
    string PredefinedMetricType,
    string? ResourceLabel,
    int? ScaleOutCooldown,
    int? ScaleInCooldown,
    bool? DisableScaleIn)
{
    public bool ScalesIn => DisableScaleIn != true;
}

/// <summary>A CloudWatch alarm Application Auto Scaling made for a target tracking policy.</summary>
public sealed record PolicyAlarm(string AlarmName, string AlarmArn);

/// <summary>How many evaluation periods in a row each generated alarm's metric has breached its threshold.</summary>
public sealed record AlarmStreaks(int High, int Low)
{
    public static AlarmStreaks None { get; } = new(0, 0);
}

/// <summary>The status codes of a scaling activity, as AWS spells them.</summary>
public static class ActivityStatus
{
    public const string Pending = "Pending";
    public const string InProgress = "InProgress";
    public const string Successful = "Successful";
    public const string Overridden = "Overridden";
    public const string Unfulfilled = "Unfulfilled";
    public const string Failed = "Failed";
}

/// <summary>One scaling activity: a change of a target's capacity (or an attempt that did not scale).</summary>
public sealed record ScalingActivity(
    string Key,
    string ActivityId,
    string TargetKey,
    string Region,
    string ServiceNamespace,
    string ResourceId,
    string ScalableDimension,
    string Description,
    string Cause,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    string StatusCode,
    string? StatusMessage,
    int DesiredCount,
    ImmutableArray<NotScaledReason> NotScaledReasons)
{
    public static string KeyOf(string targetKey, DateTimeOffset start, string activityId) =>
        $"{targetKey}|{start.UtcTicks:D20}|{activityId}";

    /// <summary>True for an attempt that did not change the capacity (shown only with IncludeNotScaledActivities).</summary>
    public bool NotScaled => !NotScaledReasons.IsDefaultOrEmpty;
}

/// <summary>Why an alarm did not change the capacity.</summary>
public sealed record NotScaledReason(string Code, int? MaxCapacity, int? MinCapacity, int? CurrentCapacity);

/// <summary>
/// The load the workshop control (<c>POST /_workshop/load</c>) put on a service for the simulated runtime: the work
/// behind the utilization the service's tasks showed when it was set, in tasks' worth (1.0 = one task fully busy).
/// Adding tasks spreads it; taking them away concentrates it.
/// </summary>
public sealed record ServiceLoad(string ServiceArn, double? CpuWork, double? MemoryWork, DateTimeOffset SetAt);
