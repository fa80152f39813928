using System.Text.Json.Serialization;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.AutoScaling.Model;

// Application Auto Scaling wire shapes, named as in its API model (PascalCase members, epoch-second timestamps).
// Only what ECS service auto scaling uses is modelled.

/// <summary>Which parts of scaling are suspended.</summary>
public sealed record SuspendedState
{
    public bool? DynamicScalingInSuspended { get; init; }
    public bool? DynamicScalingOutSuspended { get; init; }
    public bool? ScheduledScalingSuspended { get; init; }
}

public sealed record RegisterScalableTargetRequest
{
    public required string ServiceNamespace { get; init; }
    public required string ResourceId { get; init; }
    public required string ScalableDimension { get; init; }
    public int? MinCapacity { get; init; }
    public int? MaxCapacity { get; init; }
    public string? RoleARN { get; init; }
    public SuspendedState? SuspendedState { get; init; }
    public Dictionary<string, string>? Tags { get; init; }
}

public sealed record RegisterScalableTargetResponse
{
    public string? ScalableTargetARN { get; init; }
}

public sealed record DescribeScalableTargetsRequest
{
    public required string ServiceNamespace { get; init; }
    public List<string>? ResourceIds { get; init; }
    public string? ScalableDimension { get; init; }
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ScalableTarget
{
    public string? ServiceNamespace { get; init; }
    public string? ResourceId { get; init; }
    public string? ScalableDimension { get; init; }
    public int MinCapacity { get; init; }
    public int MaxCapacity { get; init; }
    public string? RoleARN { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? CreationTime { get; init; }
    public SuspendedState? SuspendedState { get; init; }
    public string? ScalableTargetARN { get; init; }
}

public sealed record DescribeScalableTargetsResponse
{
    public List<ScalableTarget> ScalableTargets { get; init; } = [];
    public string? NextToken { get; init; }
}

public sealed record DeregisterScalableTargetRequest
{
    public required string ServiceNamespace { get; init; }
    public required string ResourceId { get; init; }
    public required string ScalableDimension { get; init; }
}

public sealed record DeregisterScalableTargetResponse;

public sealed record PredefinedMetricSpecification
{
    public required string PredefinedMetricType { get; init; }
    public string? ResourceLabel { get; init; }
}

public sealed record TargetTrackingScalingPolicyConfiguration
{
    public double TargetValue { get; init; }
    public PredefinedMetricSpecification? PredefinedMetricSpecification { get; init; }
    public int? ScaleOutCooldown { get; init; }
    public int? ScaleInCooldown { get; init; }
    public bool? DisableScaleIn { get; init; }
}

public sealed record PutScalingPolicyRequest
{
    public required string PolicyName { get; init; }
    public required string ServiceNamespace { get; init; }
    public required string ResourceId { get; init; }
    public required string ScalableDimension { get; init; }
    public string? PolicyType { get; init; }
    public TargetTrackingScalingPolicyConfiguration? TargetTrackingScalingPolicyConfiguration { get; init; }
}

/// <summary>A CloudWatch alarm Application Auto Scaling made for a target tracking policy.</summary>
public sealed record Alarm
{
    public string? AlarmName { get; init; }
    public string? AlarmARN { get; init; }
}

public sealed record PutScalingPolicyResponse
{
    public string? PolicyARN { get; init; }
    public List<Alarm> Alarms { get; init; } = [];
}

public sealed record DescribeScalingPoliciesRequest
{
    public required string ServiceNamespace { get; init; }
    public List<string>? PolicyNames { get; init; }
    public string? ResourceId { get; init; }
    public string? ScalableDimension { get; init; }
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ScalingPolicy
{
    public string? PolicyARN { get; init; }
    public string? PolicyName { get; init; }
    public string? ServiceNamespace { get; init; }
    public string? ResourceId { get; init; }
    public string? ScalableDimension { get; init; }
    public string? PolicyType { get; init; }
    public TargetTrackingScalingPolicyConfiguration? TargetTrackingScalingPolicyConfiguration { get; init; }
    public List<Alarm> Alarms { get; init; } = [];
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? CreationTime { get; init; }
}

public sealed record DescribeScalingPoliciesResponse
{
    public List<ScalingPolicy> ScalingPolicies { get; init; } = [];
    public string? NextToken { get; init; }
}

public sealed record DeleteScalingPolicyRequest
{
    public required string PolicyName { get; init; }
    public required string ServiceNamespace { get; init; }
    public required string ResourceId { get; init; }
    public required string ScalableDimension { get; init; }
}

public sealed record DeleteScalingPolicyResponse;

public sealed record DescribeScalingActivitiesRequest
{
    public required string ServiceNamespace { get; init; }
    public string? ResourceId { get; init; }
    public string? ScalableDimension { get; init; }
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
    public bool? IncludeNotScaledActivities { get; init; }
}

/// <summary>Why an alarm did not change the capacity.</summary>
public sealed record NotScaledReason
{
    public string? Code { get; init; }
    public int? MaxCapacity { get; init; }
    public int? MinCapacity { get; init; }
    public int? CurrentCapacity { get; init; }
}

public sealed record ScalingActivity
{
    public string? ActivityId { get; init; }
    public string? ServiceNamespace { get; init; }
    public string? ResourceId { get; init; }
    public string? ScalableDimension { get; init; }
    public string? Description { get; init; }
    public string? Cause { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? StartTime { get; init; }
    [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? EndTime { get; init; }
    public string? StatusCode { get; init; }
    public string? StatusMessage { get; init; }
    public List<NotScaledReason>? NotScaledReasons { get; init; }
}

public sealed record DescribeScalingActivitiesResponse
{
    public List<ScalingActivity> ScalingActivities { get; init; } = [];
    public string? NextToken { get; init; }
}
