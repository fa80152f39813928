using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>
/// Every error the simulated Elastic Load Balancing (v2) answers with, as a value. Codes and words are AWS's where
/// /work/shared/elbv2-facts.md §3 quotes a real answer; where only moto's wording or the API model's text is known the
/// comment says so; the few refusals of what the simulator does not run (network load balancers, HTTPS listeners)
/// say "the simulator" in their message. Every one is sent with HTTP 400 in the XML <c>ErrorResponse</c> envelope.
/// </summary>
public static class Elbv2Errors
{
    private const string Validation = "ValidationError";

    /// <summary>Every ELBv2 error, in the order declared here.</summary>
    public static IReadOnlyList<ServiceError> All => ServiceError.DeclaredBy(typeof(Elbv2Errors));

    /// <summary>AWS's generic constraint violation (real, aws-load-balancer-controller#4014).</summary>
    public static readonly ServiceError Constraint = new("elbv2.constraint", Validation,
        "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}")
        { Examples = ["0", "port", "Member must have value greater than or equal to 1"] };
    public static readonly ServiceError MemberNull = new("elbv2.member-null", Validation,
        "1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null") { Examples = ["name"] };

    // ---- load balancers ----
    /// <summary>Real (cfn-lint#3259).</summary>
    public static readonly ServiceError LoadBalancerNameTooLong = new("elbv2.lb-name-too-long", Validation,
        "The load balancer name '{name}' cannot be longer than '32' characters") { Examples = ["a-very-long-name"] };
    /// <summary>Words not confirmed against AWS (the rule is the API reference's).</summary>
    public static readonly ServiceError LoadBalancerNameCharacters = new("elbv2.lb-name-characters", Validation,
        "The load balancer name '{name}' can only contain characters that are alphanumeric characters or hyphens(-)") { Examples = ["my_lb"] };
    /// <summary>Words not confirmed against AWS (the rule is the API reference's).</summary>
    public static readonly ServiceError LoadBalancerNameHyphen = new("elbv2.lb-name-hyphen", Validation,
        "The load balancer name '{name}' cannot begin or end with '-'") { Examples = ["-lb"] };
    /// <summary>Words not confirmed against AWS (the rule is the API reference's).</summary>
    public static readonly ServiceError LoadBalancerNameInternal = new("elbv2.lb-name-internal", Validation,
        "The load balancer name '{name}' cannot begin with 'internal-'") { Examples = ["internal-lb"] };
    /// <summary>Real (aws-cdk-examples#226).</summary>
    public static readonly ServiceError TwoZonesRequired = new("elbv2.two-zones-required", Validation,
        "At least two subnets in two different Availability Zones must be specified");
    /// <summary>Real (CloudFormation failures quoted in aws-samples/aws-scalable-big-blue-button-example#51 and coldbrewcloud/coldbrew-cli#44).</summary>
    public static readonly ServiceError OneSubnetPerZone = new("elbv2.one-subnet-per-zone", "InvalidConfigurationRequest",
        "A load balancer cannot be attached to multiple subnets in the same Availability Zone");
    public static readonly ServiceError SubnetsAndMappings = new("elbv2.subnets-and-mappings", Validation,
        "You can specify subnets or subnet mappings, but not both");
    /// <summary>
    /// The API model's text, naming the subnet. Not confirmed: CloudFormation failures quoted in mozilla/fxa-dev#449 and
    /// aws/aws-cdk#3676 show code SubnetNotFound with a message starting "InvalidSubnetID.NotFound".
    /// </summary>
    public static readonly ServiceError SubnetNotFound = new("elbv2.subnet-not-found", "SubnetNotFound",
        "The specified subnet does not exist: '{subnetId}'") { Examples = ["subnet-0123456789abcdef0"] };
    public static readonly ServiceError SubnetsInDifferentVpcs = new("elbv2.subnets-in-different-vpcs", "InvalidSubnet",
        "The subnets must all be in the same VPC");
    /// <summary>
    /// The API model's text, naming the group. Not confirmed: a failure quoted in
    /// kubernetes-sigs/aws-load-balancer-controller#2371 reads "The security group 'sg-…' does not exist" followed by
    /// EC2's error details.
    /// </summary>
    public static readonly ServiceError SecurityGroupNotFound = new("elbv2.security-group-not-found", "InvalidSecurityGroup",
        "The specified security group does not exist: '{groupId}'") { Examples = ["sg-0123456789abcdef0"] };
    public static readonly ServiceError OnlyApplicationLoadBalancers = new("elbv2.only-application", Validation,
        "The simulator runs Application Load Balancers only; load balancer type '{type}' is not simulated") { Examples = ["network"] };
    /// <summary>Real (fortigate-terraform-deploy#21).</summary>
    public static readonly ServiceError DuplicateLoadBalancerName = new("elbv2.duplicate-lb-name", "DuplicateLoadBalancerName",
        "A load balancer with the same name '{name}' exists, but with different settings") { Examples = ["my-load-balancer"] };
    /// <summary>Real when looked up by name (terraform-provider-aws#10669).</summary>
    public static readonly ServiceError LoadBalancersNotFoundByName = new("elbv2.lbs-not-found-by-name", "LoadBalancerNotFound",
        "Load balancers '[{names}]' not found") { Examples = ["my-load-balancer"] };
    /// <summary>By ARN the exact words are not confirmed; this follows the other "One or more … not found" answers.</summary>
    public static readonly ServiceError LoadBalancerNotFound = new("elbv2.lb-not-found", "LoadBalancerNotFound",
        "One or more load balancers not found");
    public static readonly ServiceError InvalidLoadBalancerArn = new("elbv2.invalid-lb-arn", Validation,
        "'{arn}' is not a valid load balancer ARN") { Examples = ["arn:aws:elasticloadbalancing:x"] };

    // ---- target groups ----
    /// <summary>moto's words; AWS's are not confirmed.</summary>
    public static readonly ServiceError TargetGroupNameTooLong = new("elbv2.tg-name-too-long", Validation,
        "Target group name '{name}' cannot be longer than '32' characters") { Examples = ["a-very-long-name"] };
    /// <summary>moto's words; AWS's are not confirmed.</summary>
    public static readonly ServiceError TargetGroupNameCharacters = new("elbv2.tg-name-characters", Validation,
        "Target group name '{name}' can only contain characters that are alphanumeric characters or hyphens(-)") { Examples = ["my_tg"] };
    /// <summary>moto's words; AWS's are not confirmed.</summary>
    public static readonly ServiceError TargetGroupNameHyphen = new("elbv2.tg-name-hyphen", Validation,
        "Target group name '{name}' cannot begin or end with '-'") { Examples = ["-tg"] };
    /// <summary>Real (awsdocs/aws-cloudformation-user-guide#467).</summary>
    public static readonly ServiceError PortRequired = new("elbv2.port-required", Validation, "A port must be specified");
    public static readonly ServiceError ProtocolRequired = new("elbv2.protocol-required", Validation, "A protocol must be specified");
    public static readonly ServiceError VpcRequired = new("elbv2.vpc-required", Validation, "A VPC ID must be specified");
    public static readonly ServiceError VpcNotFound = new("elbv2.vpc-not-found", Validation, "The VPC ID '{vpcId}' is not found")
        { Examples = ["vpc-0123456789abcdef0"] };
    /// <summary>Real (tflint-ruleset-aws#404).</summary>
    public static readonly ServiceError IntervalNotAboveTimeout = new("elbv2.interval-not-above-timeout", Validation,
        "Health check interval must be greater than the timeout.");
    public static readonly ServiceError TargetGroupProtocolNotSimulated = new("elbv2.tg-protocol-not-simulated", Validation,
        "The simulator runs HTTP and HTTPS target groups (for Application Load Balancers); protocol '{protocol}' is not simulated") { Examples = ["TCP"] };
    public static readonly ServiceError TargetTypeNotSimulated = new("elbv2.target-type-not-simulated", Validation,
        "The simulator runs target types 'ip' and 'instance'; target type '{type}' is not simulated") { Examples = ["lambda"] };
    /// <summary>Real (fortigate-terraform-deploy#21).</summary>
    public static readonly ServiceError DuplicateTargetGroupName = new("elbv2.duplicate-tg-name", "DuplicateTargetGroupName",
        "A target group with the same name '{name}' exists, but with different settings") { Examples = ["my-targets"] };
    /// <summary>Real (service-screener-v2#212).</summary>
    public static readonly ServiceError TargetGroupsNotFound = new("elbv2.tgs-not-found", "TargetGroupNotFound", "One or more target groups not found");
    /// <summary>Real (cq-provider-aws#1174; copilot-cli#3833).</summary>
    public static readonly ServiceError TargetGroupNotFound = new("elbv2.tg-not-found", "TargetGroupNotFound", "Target groups '{arn}' not found")
        { Examples = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/my-targets/0123456789abcdef"] };
    /// <summary>Real (aws-load-balancer-controller#2341).</summary>
    public static readonly ServiceError InvalidTargetGroupArn = new("elbv2.invalid-tg-arn", Validation, "'{arn}' is not a valid target group ARN")
        { Examples = ["arn:aws:elasticloadbalancing:x"] };
    /// <summary>Real (terraform#13076).</summary>
    public static readonly ServiceError TargetGroupInUse = new("elbv2.tg-in-use", "ResourceInUse",
        "Target group '{arn}' is currently in use by a listener or a rule")
        { Examples = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/my-targets/0123456789abcdef"] };
    /// <summary>moto's words; AWS's are not confirmed.</summary>
    public static readonly ServiceError TargetGroupFiltersTogether = new("elbv2.tg-filters-together", Validation,
        "Target group names, target group ARNs, and a load balancer ARN cannot be specified at the same time");
    /// <summary>moto's words; AWS's are not confirmed.</summary>
    public static readonly ServiceError DeregistrationDelayRange = new("elbv2.deregistration-delay-range", Validation,
        "'deregistration_delay.timeout_seconds' value '{value}' must be between '0-3600' inclusive") { Examples = ["4000"] };
    public static readonly ServiceError AttributeValueInvalid = new("elbv2.attribute-value-invalid", Validation,
        "Target group attribute '{key}' value '{value}' is not valid") { Examples = ["stickiness.enabled", "maybe"] };
    public static readonly ServiceError AttributeKeyUnknown = new("elbv2.attribute-key-unknown", Validation,
        "Target group attribute key '{key}' is not recognized") { Examples = ["colour"] };

    // ---- quotas of the account (Quotas.AccountQuotas) ----
    /// <summary>Code, HTTP 400 and words from the API model (TooManyLoadBalancersException); no captured answer confirms the words.</summary>
    public static readonly ServiceError TooManyLoadBalancers = new("elbv2.too-many-load-balancers", "TooManyLoadBalancers",
        "You've reached the limit on the number of load balancers for your Amazon Web Services account.");
    /// <summary>Code, HTTP 400 and words from the API model (TooManyTargetGroupsException); no captured answer confirms the words.</summary>
    public static readonly ServiceError TooManyTargetGroups = new("elbv2.too-many-target-groups", "TooManyTargetGroups",
        "You've reached the limit on the number of target groups for your Amazon Web Services account.");
    /// <summary>
    /// Code and HTTP 400 from the API model (TooManyListenersException). The model's words say "per load balancer"; the
    /// simulator's quota counts the account's listeners together (each one opens a port on the machine), so the words
    /// are AWS-style but not AWS's.
    /// </summary>
    public static readonly ServiceError TooManyListeners = new("elbv2.too-many-listeners", "TooManyListeners",
        "You've reached the limit on the number of listeners for your Amazon Web Services account.");

    // ---- listeners ----
    /// <summary>Real (terraform#26407).</summary>
    public static readonly ServiceError DuplicateListener = new("elbv2.duplicate-listener", "DuplicateListener",
        "A listener already exists on this port for this load balancer '{arn}'")
        { Examples = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-load-balancer/0123456789abcdef"] };
    /// <summary>Real (kubeflow-manifests#116).</summary>
    public static readonly ServiceError ListenersNotFound = new("elbv2.listeners-not-found", "ListenerNotFound", "One or more listeners not found");
    /// <summary>moto's words; AWS's are not confirmed.</summary>
    public static readonly ServiceError ListenerFilterRequired = new("elbv2.listener-filter-required", Validation,
        "You must specify either listener ARNs or a load balancer ARN");
    public static readonly ServiceError InvalidListenerArn = new("elbv2.invalid-listener-arn", Validation, "'{arn}' is not a valid listener ARN")
        { Examples = ["arn:aws:elasticloadbalancing:x"] };
    public static readonly ServiceError ListenerProtocolNotSimulated = new("elbv2.listener-protocol-not-simulated", "UnsupportedProtocol",
        "The simulator's Application Load Balancer listeners speak HTTP; protocol '{protocol}' is not simulated") { Examples = ["HTTPS"] };
    public static readonly ServiceError ActionNotSimulated = new("elbv2.action-not-simulated", "InvalidLoadBalancerAction",
        "The simulator runs 'forward' default actions; action type '{type}' is not simulated") { Examples = ["redirect"] };
    public static readonly ServiceError ForwardTargetRequired = new("elbv2.forward-target-required", Validation,
        "A target group ARN must be specified for a forward action");
    /// <summary>Title of terraform-provider-aws#22005.</summary>
    public static readonly ServiceError TargetGroupAssociationLimit = new("elbv2.tg-association-limit", "TargetGroupAssociationLimit",
        "The following target groups cannot be associated with more than one load balancer: {arn}")
        { Examples = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/my-targets/0123456789abcdef"] };

    // ---- targets ----
    /// <summary>The API model's text.</summary>
    public static readonly ServiceError InvalidTarget = new("elbv2.invalid-target", "InvalidTarget",
        "The specified target does not exist, is not in the same VPC as the target group, or has an unsupported instance type.");
    /// <summary>Real (aws-load-balancer-controller#3668).</summary>
    public static readonly ServiceError InstanceIdInvalid = new("elbv2.instance-id-invalid", Validation, "Instance ID '{id}' is not valid")
        { Examples = ["10.0.1.5"] };
    public static readonly ServiceError IpAddressInvalid = new("elbv2.ip-address-invalid", Validation, "The IP address '{id}' is not a valid IPv4 address")
        { Examples = ["i-0123456789abcdef0"] };
    /// <summary>Real (aws-load-balancer-controller#3714).</summary>
    public static readonly ServiceError ZoneRequiredOutsideVpc = new("elbv2.zone-required-outside-vpc", Validation,
        "The Availability Zone is required for IP address '{ip}' because it is not in the VPC") { Examples = ["10.4.40.87"] };

    // ---- tags ----
    public static readonly ServiceError InvalidResourceArn = new("elbv2.invalid-resource-arn", Validation, "'{arn}' is not a valid resource ARN")
        { Examples = ["arn:aws:s3:::bucket"] };
    public static readonly ServiceError DuplicateTagKeys = new("elbv2.duplicate-tag-keys", "DuplicateTagKeys", "Tag key '{key}' is specified more than once")
        { Examples = ["project"] };
    public static readonly ServiceError TooManyTags = new("elbv2.too-many-tags", "TooManyTags", "The resource '{arn}' cannot have more than 50 tags")
        { Examples = ["arn:aws:elasticloadbalancing:x"] };
}
