using System.Text.Json;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Wire;

/// <summary>Between Application Auto Scaling's wire shapes and its domain.</summary>
public static class AutoScalingMapper
{
    public static SuspendedState? ToDomain(SuspendedStateShape? shape) => shape is null
        ? null
        : new SuspendedState(shape.DynamicScalingInSuspended ?? false, shape.DynamicScalingOutSuspended ?? false, shape.ScheduledScalingSuspended ?? false);

    public static TargetTrackingInput? ToDomain(TargetTrackingConfigurationShape? shape) => shape is null
        ? null
        : new TargetTrackingInput(
            shape.TargetValue,
            shape.PredefinedMetricSpecification is not null,
            shape.PredefinedMetricSpecification?.PredefinedMetricType,
            shape.PredefinedMetricSpecification?.ResourceLabel,
            shape.CustomizedMetricSpecification is { ValueKind: not JsonValueKind.Null },
            shape.ScaleOutCooldown,
            shape.ScaleInCooldown,
            shape.DisableScaleIn);

    public static ScalableTargetShape ToShape(ScalableTarget target) => new()
    {
        ServiceNamespace = target.ServiceNamespace,
        ResourceId = target.ResourceId,
        ScalableDimension = target.ScalableDimension,
        MinCapacity = target.MinCapacity,
        MaxCapacity = target.MaxCapacity,
        RoleARN = target.RoleArn,
        CreationTime = target.CreatedAt,
        SuspendedState = new()
        {
            DynamicScalingInSuspended = target.Suspended.DynamicScalingInSuspended,
            DynamicScalingOutSuspended = target.Suspended.DynamicScalingOutSuspended,
            ScheduledScalingSuspended = target.Suspended.ScheduledScalingSuspended,
        },
        ScalableTargetARN = target.Arn,
    };

    public static List<AlarmShape> ToShape(IEnumerable<PolicyAlarm> alarms) =>
        [.. alarms.Select(a => new AlarmShape { AlarmName = a.AlarmName, AlarmARN = a.AlarmArn })];

    public static ScalingPolicyShape ToShape(ScalingPolicy policy) => new()
    {
        PolicyARN = policy.PolicyArn,
        PolicyName = policy.PolicyName,
        ServiceNamespace = policy.ServiceNamespace,
        ResourceId = policy.ResourceId,
        ScalableDimension = policy.ScalableDimension,
        PolicyType = policy.PolicyType,
        TargetTrackingScalingPolicyConfiguration = new()
        {
            TargetValue = policy.TargetTracking.TargetValue,
            PredefinedMetricSpecification = new()
            {
                PredefinedMetricType = policy.TargetTracking.PredefinedMetricType,
                ResourceLabel = policy.TargetTracking.ResourceLabel,
            },
            ScaleOutCooldown = policy.TargetTracking.ScaleOutCooldown,
            ScaleInCooldown = policy.TargetTracking.ScaleInCooldown,
            DisableScaleIn = policy.TargetTracking.DisableScaleIn,
        },
        Alarms = ToShape(policy.Alarms),
        CreationTime = policy.CreatedAt,
    };

    public static ScalingActivityShape ToShape(ScalingActivity activity) => new()
    {
        ActivityId = activity.ActivityId,
        ServiceNamespace = activity.ServiceNamespace,
        ResourceId = activity.ResourceId,
        ScalableDimension = activity.ScalableDimension,
        Description = activity.Description,
        Cause = activity.Cause,
        StartTime = activity.StartTime,
        EndTime = activity.EndTime,
        StatusCode = activity.StatusCode,
        StatusMessage = activity.StatusMessage,
        NotScaledReasons = activity.NotScaled
            ? [.. activity.NotScaledReasons.Select(r => new NotScaledReasonShape
            {
                Code = r.Code, MaxCapacity = r.MaxCapacity, MinCapacity = r.MinCapacity, CurrentCapacity = r.CurrentCapacity,
            })]
            : null,
    };
}
