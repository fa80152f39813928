using System.Text.Json;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Wire;

// Application Auto Scaling wire shapes (botocore application-autoscaling 2016-02-06). Members are PascalCase on the
// wire; timestamps are epoch seconds.

public sealed class SuspendedStateShape
{
    public bool? DynamicScalingInSuspended { get; set; }
    public bool? DynamicScalingOutSuspended { get; set; }
    public bool? ScheduledScalingSuspended { get; set; }
}

public sealed class RegisterScalableTargetRequest
{
    public string? ServiceNamespace { get; set; }
    public string? ResourceId { get; set; }
    public string? ScalableDimension { get; set; }
    public int? MinCapacity { get; set; }
    public int? MaxCapacity { get; set; }
    public string? RoleARN { get; set; }
    public SuspendedStateShape? SuspendedState { get; set; }
    public Dictionary<string, string>? Tags { get; set; }
}

public sealed class RegisterScalableTargetResponse
{
    public string? ScalableTargetARN { get; set; }
}

public sealed class DescribeScalableTargetsRequest
{
    public string? ServiceNamespace { get; set; }
    public List<string>? ResourceIds { get; set; }
    public string? ScalableDimension { get; set; }
    public int? MaxResults { get; set; }
    public string? NextToken { get; set; }
}

public sealed class ScalableTargetShape
{
    public string? ServiceNamespace { get; set; }
    public string? ResourceId { get; set; }
    public string? ScalableDimension { get; set; }
    public int MinCapacity { get; set; }
    public int MaxCapacity { get; set; }
    public string? RoleARN { get; set; }
    public DateTimeOffset CreationTime { get; set; }
    public SuspendedStateShape? SuspendedState { get; set; }
    public string? ScalableTargetARN { get; set; }
}

public sealed class DescribeScalableTargetsResponse
{
    public List<ScalableTargetShape> ScalableTargets { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class DeregisterScalableTargetRequest
{
    public string? ServiceNamespace { get; set; }
    public string? ResourceId { get; set; }
    public string? ScalableDimension { get; set; }
}

public sealed class EmptyResponse;

public sealed class PredefinedMetricSpecificationShape
{
    public string? PredefinedMetricType { get; set; }
    public string? ResourceLabel { get; set; }
}

public sealed class TargetTrackingConfigurationShape
{
    public double? TargetValue { get; set; }
    public PredefinedMetricSpecificationShape? PredefinedMetricSpecification { get; set; }

    /// <summary>Kept as sent: the simulator has no CloudWatch metrics to track it with.</summary>
    public JsonElement? CustomizedMetricSpecification { get; set; }
    public int? ScaleOutCooldown { get; set; }
    public int? ScaleInCooldown { get; set; }
    public bool? DisableScaleIn { get; set; }
}

public sealed class PutScalingPolicyRequest
{
    public string? PolicyName { get; set; }
    public string? ServiceNamespace { get; set; }
    public string? ResourceId { get; set; }
    public string? ScalableDimension { get; set; }
    public string? PolicyType { get; set; }
    public JsonElement? StepScalingPolicyConfiguration { get; set; }
    public TargetTrackingConfigurationShape? TargetTrackingScalingPolicyConfiguration { get; set; }
    public JsonElement? PredictiveScalingPolicyConfiguration { get; set; }
}

public sealed class AlarmShape
{
    public string? AlarmName { get; set; }
    public string? AlarmARN { get; set; }
}

public sealed class PutScalingPolicyResponse
{
    public string? PolicyARN { get; set; }
    public List<AlarmShape> Alarms { get; set; } = [];
}

public sealed class DescribeScalingPoliciesRequest
{
    public List<string>? PolicyNames { get; set; }
    public string? ServiceNamespace { get; set; }
    public string? ResourceId { get; set; }
    public string? ScalableDimension { get; set; }
    public int? MaxResults { get; set; }
    public string? NextToken { get; set; }
}

public sealed class ScalingPolicyShape
{
    public string? PolicyARN { get; set; }
    public string? PolicyName { get; set; }
    public string? ServiceNamespace { get; set; }
    public string? ResourceId { get; set; }
    public string? ScalableDimension { get; set; }
    public string? PolicyType { get; set; }
    public TargetTrackingConfigurationShape? TargetTrackingScalingPolicyConfiguration { get; set; }
    public List<AlarmShape> Alarms { get; set; } = [];
    public DateTimeOffset CreationTime { get; set; }
}

public sealed class DescribeScalingPoliciesResponse
{
    public List<ScalingPolicyShape> ScalingPolicies { get; set; } = [];
    public string? NextToken { get; set; }
}

public sealed class DeleteScalingPolicyRequest
{
    public string? PolicyName { get; set; }
    public string? ServiceNamespace { get; set; }
    public string? ResourceId { get; set; }
    public string? ScalableDimension { get; set; }
}

public sealed class DescribeScalingActivitiesRequest
{
    public string? ServiceNamespace { get; set; }
    public string? ResourceId { get; set; }
    public string? ScalableDimension { get; set; }
    public int? MaxResults { get; set; }
    public string? NextToken { get; set; }
    public bool? IncludeNotScaledActivities { get; set; }
}

public sealed class NotScaledReasonShape
{
    public string? Code { get; set; }
    public int? MaxCapacity { get; set; }
    public int? MinCapacity { get; set; }
    public int? CurrentCapacity { get; set; }
}

public sealed class ScalingActivityShape
{
    public string? ActivityId { get; set; }
    public string? ServiceNamespace { get; set; }
    public string? ResourceId { get; set; }
    public string? ScalableDimension { get; set; }
    public string? Description { get; set; }
    public string? Cause { get; set; }
    public DateTimeOffset StartTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }
    public string? StatusCode { get; set; }
    public string? StatusMessage { get; set; }
    public List<NotScaledReasonShape>? NotScaledReasons { get; set; }
}

public sealed class DescribeScalingActivitiesResponse
{
    public List<ScalingActivityShape> ScalingActivities { get; set; } = [];
    public string? NextToken { get; set; }
}
