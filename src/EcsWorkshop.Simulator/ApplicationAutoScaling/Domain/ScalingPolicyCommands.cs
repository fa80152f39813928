using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Elbv2.Domain;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>The target tracking configuration of a PutScalingPolicy request, as sent.</summary>
public sealed record TargetTrackingInput(
    double? TargetValue,
    bool HasPredefinedMetric,
    string? PredefinedMetricType,
    string? ResourceLabel,
    bool HasCustomizedMetric,
    int? ScaleOutCooldown,
    int? ScaleInCooldown,
    bool? DisableScaleIn);

/// <summary>What PutScalingPolicy asks for.</summary>
public sealed record PutScalingPolicyCommand(
    string Region,
    string AccountId,
    string? PolicyName,
    string? ServiceNamespace,
    string? ResourceId,
    string? ScalableDimension,
    string? PolicyType,
    TargetTrackingInput? TargetTracking,
    bool HasStepScaling);

/// <summary>Creating, updating and deleting scaling policies.</summary>
public static class ScalingPolicyCommands
{
    private const string Configuration = "targetTrackingScalingPolicyConfiguration";

    /// <summary>Every predefined metric type of the API's enum (the ECS ones and the others).</summary>
    public static ImmutableArray<string> MetricTypes { get; } =
    [
        "DynamoDBReadCapacityUtilization", "DynamoDBWriteCapacityUtilization", AutoScalingNames.RequestCountPerTarget, "RDSReaderAverageCPUUtilization",
        "RDSReaderAverageDatabaseConnections", "EC2SpotFleetRequestAverageCPUUtilization", "EC2SpotFleetRequestAverageNetworkIn",
        "EC2SpotFleetRequestAverageNetworkOut", "SageMakerVariantInvocationsPerInstance", AutoScalingNames.Cpu, AutoScalingNames.Memory,
        "AppStreamAverageCapacityUtilization", "ComprehendInferenceUtilization", "LambdaProvisionedConcurrencyUtilization",
        "CassandraReadCapacityUtilization", "CassandraWriteCapacityUtilization", "KafkaBrokerStorageUtilization",
        "ElastiCachePrimaryEngineCPUUtilization", "ElastiCacheReplicaEngineCPUUtilization", "ElastiCacheDatabaseMemoryUsageCountedForEvictPercentage",
        "NeptuneReaderAverageCPUUtilization", AutoScalingNames.CpuHighResolution, AutoScalingNames.MemoryHighResolution,
    ];

    /// <summary>
    /// Creates or updates a target tracking policy of a registered target: its two alarms are named as AWS names them
    /// (<c>TargetTracking-RESOURCE-AlarmHigh-UUID</c>, <c>…-AlarmLow-UUID</c>). An update keeps the ARN and the alarms and
    /// starts the alarms' evaluation afresh.
    /// </summary>
    public static ScalingPolicy Put(AutoScalingTransaction transaction, EcsWorld ecs, Elbv2World elbv2, IdGenerator ids, PutScalingPolicyCommand command)
    {
        var name = AutoScalingValidation.RequireLength(command.PolicyName, "policyName", 256);
        if (name.Any(char.IsControl)) throw AutoScalingErrors.PolicyNameInvalid.With(name, "policyName");
        var (ns, resourceId, dimension, resource) = AutoScalingValidation.RequireTargetName(command.ServiceNamespace, command.ResourceId, command.ScalableDimension);
        if (command.PolicyType is not null) AutoScalingValidation.RequireEnum(command.PolicyType, "policyType", AutoScalingNames.PolicyTypes);
        var world = transaction.World;
        var target = world.Targets.GetValueOrDefault(ScalableTarget.KeyOf(command.Region, ns, resourceId, dimension))
            ?? throw AutoScalingErrors.TargetNotRegistered.With(ns, resourceId, dimension);
        var existing = world.Policies.GetValueOrDefault(ScalingPolicy.KeyOf(target.Key, name));
        if (existing is not null && command.PolicyType is { } asked && asked != existing.PolicyType)
            throw AutoScalingErrors.PolicyTypeChange.With(name, existing.PolicyType);
        var policyType = command.PolicyType ?? existing?.PolicyType ?? throw AutoScalingErrors.PolicyTypeRequired.With();
        if (policyType != AutoScalingNames.TargetTracking) throw AutoScalingErrors.PolicyTypeNotSimulated.With(policyType);

        var configuration = Validate(command.TargetTracking, ecs, elbv2, command.Region, command.AccountId, resource, resourceId);
        var clash = world.PoliciesOf(target.Key).FirstOrDefault(p => p.PolicyName != name && p.TargetTracking.PredefinedMetricType == configuration.PredefinedMetricType);
        if (clash is not null) throw AutoScalingErrors.MetricAlreadyTracked.With(configuration.PredefinedMetricType, clash.PolicyName);

        var policy = existing is not null
            ? existing with { TargetTracking = configuration, Streaks = AlarmStreaks.None }
            : new ScalingPolicy(
                Key: ScalingPolicy.KeyOf(target.Key, name),
                TargetKey: target.Key,
                Region: command.Region,
                PolicyName: name,
                PolicyArn: AutoScalingNames.PolicyArn(command.Region, command.AccountId, ids.Uuid(), ns, resourceId, name),
                ServiceNamespace: ns,
                ResourceId: resourceId,
                ScalableDimension: dimension,
                PolicyType: policyType,
                TargetTracking: configuration,
                Alarms:
                [
                    AutoScalingNames.Alarm(command.Region, command.AccountId, resourceId, "High", ids.Uuid()),
                    AutoScalingNames.Alarm(command.Region, command.AccountId, resourceId, "Low", ids.Uuid()),
                ],
                CreatedAt: transaction.Now,
                Streaks: AlarmStreaks.None);
        transaction.Put(policy);
        return policy;
    }

    /// <summary>Deletes a policy (and, for target tracking, the alarms made for it).</summary>
    public static void Delete(AutoScalingTransaction transaction, string region, string? policyName, string? serviceNamespace, string? resourceId, string? dimension)
    {
        var name = AutoScalingValidation.RequireLength(policyName, "policyName", 256);
        var (ns, id, dim, _) = AutoScalingValidation.RequireTargetName(serviceNamespace, resourceId, dimension);
        var policy = transaction.World.Policies.GetValueOrDefault(ScalingPolicy.KeyOf(ScalableTarget.KeyOf(region, ns, id, dim), name))
            ?? throw AutoScalingErrors.PolicyNotFound.With(ns, id, dim, name);
        transaction.Remove(policy);
    }

    private static TargetTrackingPolicy Validate(TargetTrackingInput? input, EcsWorld ecs, Elbv2World elbv2, string region, string accountId,
        EcsServiceResource resource, string resourceId)
    {
        if (input is null) throw AutoScalingErrors.TargetTrackingConfigurationRequired.With();
        if (input.TargetValue is not { } targetValue) throw AutoScalingErrors.TargetValueRequired.With($"{Configuration}.targetValue");
        if (input.HasCustomizedMetric) throw AutoScalingErrors.CustomizedMetricNotSimulated.With();
        if (!input.HasPredefinedMetric) throw AutoScalingErrors.MetricSpecificationRequired.With();
        var metricType = AutoScalingValidation.RequireEnum(input.PredefinedMetricType,
            $"{Configuration}.predefinedMetricSpecification.predefinedMetricType", MetricTypes);
        if (metricType is AutoScalingNames.CpuHighResolution) throw AutoScalingErrors.HighResolutionNotSimulated.With(AutoScalingNames.Cpu);
        if (metricType is AutoScalingNames.MemoryHighResolution) throw AutoScalingErrors.HighResolutionNotSimulated.With(AutoScalingNames.Memory);
        if (!AutoScalingNames.EcsMetricTypes.Contains(metricType)) throw AutoScalingErrors.MetricTypeNotForEcs.With(metricType);
        if (!double.IsFinite(targetValue) || targetValue <= 0) throw AutoScalingErrors.TargetValueNotPositive.With(metricType);
        if (input.ScaleOutCooldown is { } outCooldown and < 0)
            throw AutoScalingErrors.CooldownNegative.With(outCooldown, $"{Configuration}.scaleOutCooldown");
        if (input.ScaleInCooldown is { } inCooldown and < 0)
            throw AutoScalingErrors.CooldownNegative.With(inCooldown, $"{Configuration}.scaleInCooldown");

        var label = input.ResourceLabel;
        if (metricType == AutoScalingNames.RequestCountPerTarget)
        {
            if (label is null) throw AutoScalingErrors.ResourceLabelRequired.With();
            AutoScalingValidation.RequireLength(label, $"{Configuration}.predefinedMetricSpecification.resourceLabel", 1023);
            if (!ResourceLabels.IsWellFormed(label)) throw AutoScalingErrors.ResourceLabelFormat.With(label);
            var service = ScalableTargetCommands.RequireActiveService(ecs, region, accountId, resource, resourceId);
            if (ResourceLabels.TargetGroupOf(label, service, elbv2) is null) throw AutoScalingErrors.ResourceLabelTargetGroup.With(label, resourceId);
        }
        else if (label is not null)
        {
            throw AutoScalingErrors.ResourceLabelNotAllowed.With();
        }
        return new TargetTrackingPolicy(targetValue, metricType, label, input.ScaleOutCooldown, input.ScaleInCooldown, input.DisableScaleIn);
    }
}
