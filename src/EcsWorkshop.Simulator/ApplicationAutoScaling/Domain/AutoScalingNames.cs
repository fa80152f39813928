using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>The names Application Auto Scaling uses for ECS services: namespace, dimension, metric types, ARNs.</summary>
public static class AutoScalingNames
{
    public const string EcsNamespace = "ecs";
    public const string DesiredCount = "ecs:service:DesiredCount";
    public const string TargetTracking = "TargetTrackingScaling";
    public const string StepScaling = "StepScaling";
    public const string PredictiveScaling = "PredictiveScaling";

    public const string Cpu = "ECSServiceAverageCPUUtilization";
    public const string Memory = "ECSServiceAverageMemoryUtilization";
    public const string RequestCountPerTarget = "ALBRequestCountPerTarget";
    public const string CpuHighResolution = "ECSServiceAverageCPUUtilizationHighResolution";
    public const string MemoryHighResolution = "ECSServiceAverageMemoryUtilizationHighResolution";

    /// <summary>The service namespaces of the API's enum (only <c>ecs</c> is simulated).</summary>
    public static ImmutableArray<string> Namespaces { get; } =
    [
        "ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds", "sagemaker", "custom-resource", "comprehend", "lambda",
        "cassandra", "kafka", "elasticache", "neptune",
    ];

    /// <summary>The scalable dimensions of the API's enum (only <c>ecs:service:DesiredCount</c> is simulated).</summary>
    public static ImmutableArray<string> Dimensions { get; } =
    [
        DesiredCount, "ec2:spot-fleet-request:TargetCapacity", "elasticmapreduce:instancegroup:InstanceCount", "appstream:fleet:DesiredCapacity",
        "dynamodb:table:ReadCapacityUnits", "dynamodb:table:WriteCapacityUnits", "dynamodb:index:ReadCapacityUnits", "dynamodb:index:WriteCapacityUnits",
        "rds:cluster:ReadReplicaCount", "sagemaker:variant:DesiredInstanceCount", "custom-resource:ResourceType:Property",
        "comprehend:document-classifier-endpoint:DesiredInferenceUnits", "comprehend:entity-recognizer-endpoint:DesiredInferenceUnits",
        "lambda:function:ProvisionedConcurrency", "cassandra:table:ReadCapacityUnits", "cassandra:table:WriteCapacityUnits",
        "kafka:broker-storage:VolumeSize", "elasticache:replication-group:NodeGroups", "elasticache:replication-group:Replicas",
        "neptune:cluster:ReadReplicaCount",
    ];

    /// <summary>The policy types of the API's enum.</summary>
    public static ImmutableArray<string> PolicyTypes { get; } = [StepScaling, TargetTracking, PredictiveScaling];

    /// <summary>The ECS service metric types target tracking runs here.</summary>
    public static ImmutableArray<string> EcsMetricTypes { get; } = [Cpu, Memory, RequestCountPerTarget];

    /// <summary>
    /// The service-linked role Application Auto Scaling uses for ECS (and creates if it does not exist): the role
    /// <c>DescribeScalableTargets</c> shows when no RoleARN was given.
    /// </summary>
    public static string ServiceLinkedRole(string accountId) =>
        $"arn:aws:iam::{accountId}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService";

    /// <summary><c>arn:aws:application-autoscaling:REGION:ACCOUNT:scalable-target/ID</c>.</summary>
    public static string ScalableTargetArn(string region, string accountId, string id) =>
        $"arn:aws:application-autoscaling:{region}:{accountId}:scalable-target/{id}";

    /// <summary><c>arn:aws:autoscaling:REGION:ACCOUNT:scalingPolicy:UUID:resource/NAMESPACE/RESOURCE:policyName/NAME</c>.</summary>
    public static string PolicyArn(string region, string accountId, string uuid, string serviceNamespace, string resourceId, string policyName) =>
        $"arn:aws:autoscaling:{region}:{accountId}:scalingPolicy:{uuid}:resource/{serviceNamespace}/{resourceId}:policyName/{policyName}";

    /// <summary>The generated alarm <c>TargetTracking-RESOURCE-AlarmHigh-UUID</c> (or AlarmLow) and its CloudWatch ARN.</summary>
    public static PolicyAlarm Alarm(string region, string accountId, string resourceId, string side, string uuid)
    {
        var name = $"TargetTracking-{resourceId}-Alarm{side}-{uuid}";
        return new PolicyAlarm(name, $"arn:aws:cloudwatch:{region}:{accountId}:alarm:{name}");
    }
}
