using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>
/// Every error the simulated Application Auto Scaling answers with, as a value (id, code, HTTP status, message template).
/// The JSON edge writes them as <c>__type</c>; the Japanese catalogue explains each one by its id.
/// Sources of the wording (/work/shared/scaling-facts.md §1.5): the ObjectNotFoundException text for an unregistered
/// target, "ECS service doesn't exist" and the tags message are captured AWS responses; the
/// <c>1 validation error detected</c> form is AWS's validation wording. Where no captured AWS text was found (min above
/// max, missing capacities, the resource label rules, the not-found texts of Deregister/DeleteScalingPolicy) the message is
/// the simulator's own, in AWS's style, and says no more than the rule.
/// </summary>
public static class AutoScalingErrors
{
    private const string Validation = "ValidationException";
    private const string NotFound = "ObjectNotFoundException";

    /// <summary>Every Application Auto Scaling error, in the order declared here.</summary>
    public static IReadOnlyList<ServiceError> All => ServiceError.DeclaredBy(typeof(AutoScalingErrors));

    // ---- member constraints ----
    public static readonly ServiceError MemberNull = Constraint("autoscaling.member-null", "Member must not be null", nullValue: true);
    public static readonly ServiceError EnumValue = Constraint("autoscaling.enum-value", "Member must satisfy enum value set: [{values}]") with
    {
        Examples = ["ecs:service:Count", "scalableDimension", "ecs:service:DesiredCount, ..."],
    };
    public static readonly ServiceError LengthOutOfRange = Constraint("autoscaling.length-out-of-range", "Member must have length between 1 and {max}") with
    {
        Examples = ["", "resourceId", "1600"],
    };
    public static readonly ServiceError MaxResultsOutOfRange = Constraint("autoscaling.max-results-out-of-range", "Member must have value between 1 and {max}") with
    {
        Examples = ["0", "maxResults", "50"],
    };
    public static readonly ServiceError InvalidNextToken = new("autoscaling.invalid-next-token", "InvalidNextTokenException", "Invalid NextToken");

    // ---- scalable targets ----
    public static readonly ServiceError UnsupportedResource = new("autoscaling.unsupported-resource", Validation,
        "Unsupported service namespace, resource type or scalable dimension");
    public static readonly ServiceError EcsServiceMissing = new("autoscaling.ecs-service-missing", Validation, "ECS service doesn't exist: {resourceId}")
        { Examples = ["service/default/web"] };
    public static readonly ServiceError CapacitiesRequired = new("autoscaling.capacities-required", Validation,
        "Minimum and maximum capacity are required when registering a new scalable target");
    public static readonly ServiceError NegativeCapacity = new("autoscaling.negative-capacity", Validation,
        "{member} cannot be less than 0") { Examples = ["MinCapacity"] };
    public static readonly ServiceError MinAboveMax = new("autoscaling.min-above-max", Validation,
        "Minimum capacity cannot be greater than maximum capacity");
    public static readonly ServiceError TagsOnExistingTarget = new("autoscaling.tags-on-existing-target", Validation,
        "The scalable target that you tried to tag already exists. To update tags on an existing scalable target, use the TagResource API.");
    public static readonly ServiceError TargetNotRegistered = new("autoscaling.target-not-registered", NotFound,
        "No scalable target registered for service namespace: {serviceNamespace}, resource ID: {resourceId}, scalable dimension: {scalableDimension}")
        { Examples = ["ecs", "service/default/web", "ecs:service:DesiredCount"] };
    public static readonly ServiceError TargetNotFound = new("autoscaling.target-not-found", NotFound,
        "No scalable target found for service namespace: {serviceNamespace}, resource ID: {resourceId}, scalable dimension: {scalableDimension}")
        { Examples = ["ecs", "service/default/web", "ecs:service:DesiredCount"] };

    // ---- scaling policies ----
    public static readonly ServiceError PolicyNotFound = new("autoscaling.policy-not-found", NotFound,
        "No scaling policy found for service namespace: {serviceNamespace}, resource ID: {resourceId}, scalable dimension: {scalableDimension}, policy name: {policyName}")
        { Examples = ["ecs", "service/default/web", "ecs:service:DesiredCount", "cpu50"] };
    public static readonly ServiceError PolicyTypeRequired = new("autoscaling.policy-type-required", Validation,
        "PolicyType is required when creating a scaling policy");
    public static readonly ServiceError PolicyTypeNotSimulated = new("autoscaling.policy-type-not-simulated", Validation,
        "The simulator runs TargetTrackingScaling policies only; {policyType} needs CloudWatch alarms or forecasts, which it does not have.")
        { Examples = ["StepScaling"] };
    public static readonly ServiceError PolicyTypeChange = new("autoscaling.policy-type-change", Validation,
        "The policy type of an existing scaling policy cannot be changed: {policyName} is a {policyType} policy")
        { Examples = ["cpu50", "TargetTrackingScaling"] };
    public static readonly ServiceError TargetTrackingConfigurationRequired = new("autoscaling.target-tracking-configuration-required", Validation,
        "TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy");
    public static readonly ServiceError TargetValueRequired = Constraint("autoscaling.target-value-required", "Member must not be null", nullValue: true) with
    {
        Examples = ["targetTrackingScalingPolicyConfiguration.targetValue"],
    };
    public static readonly ServiceError TargetValueNotPositive = new("autoscaling.target-value-not-positive", Validation,
        "The target value must be greater than 0 for the metric {metricType}") { Examples = ["ECSServiceAverageCPUUtilization"] };
    public static readonly ServiceError MetricSpecificationRequired = new("autoscaling.metric-specification-required", Validation,
        "Either a PredefinedMetricSpecification or a CustomizedMetricSpecification must be specified");
    public static readonly ServiceError CustomizedMetricNotSimulated = new("autoscaling.customized-metric-not-simulated", Validation,
        "The simulator tracks predefined ECS metrics only (ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization, ALBRequestCountPerTarget); it has no CloudWatch metrics for a CustomizedMetricSpecification.");
    public static readonly ServiceError MetricTypeNotForEcs = new("autoscaling.metric-type-not-for-ecs", Validation,
        "The predefined metric type {metricType} is not supported for the scalable dimension ecs:service:DesiredCount")
        { Examples = ["ASGAverageCPUUtilization"] };
    public static readonly ServiceError HighResolutionNotSimulated = new("autoscaling.high-resolution-not-simulated", Validation,
        "The simulator has no 20-second ECS metrics; use {metricType} without HighResolution.") { Examples = ["ECSServiceAverageCPUUtilization"] };
    public static readonly ServiceError ResourceLabelRequired = new("autoscaling.resource-label-required", Validation,
        "A ResourceLabel is required for the predefined metric type ALBRequestCountPerTarget");
    public static readonly ServiceError ResourceLabelNotAllowed = new("autoscaling.resource-label-not-allowed", Validation,
        "A ResourceLabel can be specified only with the predefined metric type ALBRequestCountPerTarget");
    public static readonly ServiceError ResourceLabelFormat = new("autoscaling.resource-label-format", Validation,
        "The ResourceLabel {label} is not in the format app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>")
        { Examples = ["my-alb/tg"] };
    public static readonly ServiceError ResourceLabelTargetGroup = new("autoscaling.resource-label-target-group", Validation,
        "The target group in the ResourceLabel {label} is not attached to the ECS service {resourceId} through that load balancer")
        { Examples = ["app/web-lb/50dc6c495c0c9188/targetgroup/web-tg/73e2d6bc24d8a067", "service/default/web"] };
    public static readonly ServiceError CooldownNegative = Constraint("autoscaling.cooldown-negative", "Member must have value greater than or equal to 0") with
    {
        Examples = ["-1", "targetTrackingScalingPolicyConfiguration.scaleInCooldown"],
    };
    public static readonly ServiceError MetricAlreadyTracked = new("autoscaling.metric-already-tracked", Validation,
        "The scalable target already has a target tracking policy for the metric {metricType}: {policyName}")
        { Examples = ["ECSServiceAverageCPUUtilization", "cpu50"] };
    public static readonly ServiceError PolicyNameInvalid = Constraint("autoscaling.policy-name-invalid", @"Member must satisfy regular expression pattern: \p{Print}+") with
    {
        Examples = ["cpu\t50", "policyName"],
    };

    // ---- the workshop's load control (POST /_workshop/load) ----
    public static readonly ServiceError LoadBodyUnreadable = new("autoscaling.load-body-unreadable", Validation,
        "The body of POST /_workshop/load must be a JSON object like {\"cluster\":\"C\",\"service\":\"S\",\"cpuPercent\":80}: {problem}")
        { Examples = ["'x' is an invalid start of a value."] };
    public static readonly ServiceError LoadPercentRequired = new("autoscaling.load-percent-required", Validation,
        "Give cpuPercent, memoryPercent or both.");
    public static readonly ServiceError LoadPercentOutOfRange = Constraint("autoscaling.load-percent-out-of-range", "Member must have value between 0 and 1000") with
    {
        Examples = ["1200", "cpuPercent"],
    };
    public static readonly ServiceError LoadNeedsSimulatedRuntime = new("autoscaling.load-needs-simulated-runtime", Validation,
        "The Docker runtime measures the tasks' real CPU and memory from the engine's container stats; put load on the containers instead (for example a load generator task), or start workshop serve with --runtime simulated to set it with /_workshop/load.");

    /// <summary>The validation error AWS sends for a member outside its constraint: the value, the member, then the rule.</summary>
    private static ServiceError Constraint(string id, string constraint, bool nullValue = false) =>
        new(id, Validation, (nullValue ? "1 validation error detected: Value null at '{member}' failed to satisfy constraint: "
                                       : "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: ") + constraint)
        {
            Examples = nullValue ? ["resourceId"] : ["x", "serviceNamespace"],
        };
}
