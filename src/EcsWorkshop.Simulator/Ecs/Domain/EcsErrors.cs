using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>
/// Every error the simulated ECS answers with, as a value (id, code, HTTP status, message template). The domain
/// throws <c>EcsErrors.X.With(…)</c>; the JSON edge writes it as <c>__type</c>; the Japanese catalogue
/// (<c>EcsWorkshop.Display/Errors</c>) explains each one by its id.
/// </summary>
public static class EcsErrors
{
    private const string Client = "ClientException";
    private const string Invalid = "InvalidParameterException";

    /// <summary>Every ECS error, in the order declared here.</summary>
    public static IReadOnlyList<ServiceError> All => ServiceError.DeclaredBy(typeof(EcsErrors));

    // ---- any operation ----
    public static readonly ServiceError Missing = new("ecs.missing-member", Invalid, "{member} can not be blank.") { Examples = ["cluster"] };
    public static readonly ServiceError InvalidEnumValue = new("ecs.invalid-enum-value", Invalid,
        "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{allowed}]")
        { Examples = ["FARGATEX", "launchType", "EC2, FARGATE, EXTERNAL"] };
    public static readonly ServiceError MaxResultsOutOfRange = new("ecs.max-results-out-of-range", Invalid, "maxResults must be between 1 and 100.");
    public static readonly ServiceError InvalidNextToken = new("ecs.invalid-next-token", Invalid, "Invalid nextToken.");
    public static readonly ServiceError ResourceNotFound = new("ecs.resource-not-found", "ResourceNotFoundException", "The specified resource could not be found.");
    public static readonly ServiceError FeatureNotSimulated = new("ecs.feature-not-simulated", "UnsupportedFeatureException",
        "The ECS workshop simulator does not simulate {member}: it has no Classic Load Balancers, service discovery or container instances.")
        { Examples = ["loadBalancers"] };

    // ---- clusters ----
    public static readonly ServiceError ClusterNotFound = new("ecs.cluster-not-found", "ClusterNotFoundException", "Cluster not found.");
    public static readonly ServiceError InvalidClusterName = new("ecs.cluster-name-invalid", Invalid,
        "Cluster name must match ^[a-zA-Z0-9\\-_]{1,255}$, but was {name}") { Examples = ["my cluster"] };
    public static readonly ServiceError CapacityProviderNotActive = new("ecs.capacity-provider-not-active", Invalid,
        "The specified capacity provider '{provider}' is not in an ACTIVE state. Specify a valid capacity provider and try again.") { Examples = ["FARGATE_X"] };
    /// <summary>PutClusterCapacityProviders leaving out a provider still in use (a real answer, pahud/cdk-fargate-patterns#71).</summary>
    public static readonly ServiceError CapacityProviderInUse = new("ecs.capacity-provider-in-use", "ResourceInUseException",
        "The specified capacity provider is in use and cannot be removed.");
    public static readonly ServiceError InvalidClusterSetting = new("ecs.cluster-setting-invalid", Invalid, "Invalid cluster setting {name}={value}.")
        { Examples = ["containerInsights", "on"] };
    public static readonly ServiceError TooManyClusters = new("ecs.too-many-clusters", Invalid, "clusters can have at most {max} items.") { Examples = ["100"] };
    public static readonly ServiceError ClusterContainsServices = new("ecs.cluster-contains-services", "ClusterContainsServicesException",
        "The Cluster cannot be deleted while Services are active.");
    public static readonly ServiceError ClusterContainsTasks = new("ecs.cluster-contains-tasks", "ClusterContainsTasksException",
        "The Cluster cannot be deleted while Tasks are active.");

    // ---- task definitions ----
    public static readonly ServiceError TaskDefinitionNotFound = new("ecs.task-definition-not-found", Client, "Unable to describe task definition.");
    public static readonly ServiceError TaskDefinitionInactive = new("ecs.task-definition-inactive", Client, "TaskDefinition is inactive ({familyRevision}).")
        { Examples = ["web:1"] };
    public static readonly ServiceError RevisionMissing = new("ecs.revision-missing", Client, "Revision is missing.");
    public static readonly ServiceError InvalidRevision = new("ecs.revision-invalid", Invalid, "Invalid revision number. Number: {revision}") { Examples = ["latest"] };
    public static readonly ServiceError NoTaskDefinitionReferences = new("ecs.task-definition-references-empty", Invalid,
        "size of TaskDefinition references list must be greater than 0");
    public static readonly ServiceError TooManyTaskDefinitionReferences = new("ecs.task-definition-references-too-many", Invalid,
        "Size of TaskDefinition references list cannot exceed {max}") { Examples = ["10"] };
    public static readonly ServiceError FamilyBlank = new("ecs.family-blank", Client, "Family can not be blank.");
    public static readonly ServiceError FamilyInvalid = new("ecs.family-invalid", Client, "Family contains invalid characters.");
    public static readonly ServiceError ContainerListEmpty = new("ecs.container-list-empty", Client, "Container list cannot be empty.");
    public static readonly ServiceError ContainerNameBlank = new("ecs.container-name-blank", Client, "Container.name should not be null or empty.");
    public static readonly ServiceError ContainerNameInvalid = new("ecs.container-name-invalid", Client, "Container.name contains invalid characters.");
    public static readonly ServiceError ContainerImageBlank = new("ecs.container-image-blank", Client, "Container.image should not be null or empty.");
    public static readonly ServiceError ContainerNamesNotUnique = new("ecs.container-names-not-unique", Client, "Container names must be unique within a Task Definition.");
    public static readonly ServiceError NoEssentialContainer = new("ecs.no-essential-container", Client, "Task definition doesn't have any essential container.");
    public static readonly ServiceError Arm64NeedsLinux = new("ecs.arm64-needs-linux", Client,
        "The ARM64 CPU architecture is only supported for the LINUX operating system family.");
    public static readonly ServiceError EphemeralStorageTooSmall = new("ecs.ephemeral-storage-too-small", Client, "EphemeralStorage size should be at least 21");
    public static readonly ServiceError EphemeralStorageTooLarge = new("ecs.ephemeral-storage-too-large", Client, "EphemeralStorage size should be at most 200");
    public static readonly ServiceError PortMappingsWithNetworkNone = new("ecs.port-mappings-with-network-none", Client,
        "Port mappings are not supported on container when networkMode=none.");
    public static readonly ServiceError HostnameWithAwsvpc = new("ecs.hostname-with-awsvpc", Client, "hostname is not supported on container when networkMode=awsvpc.");
    public static readonly ServiceError HostPortMismatch = new("ecs.host-port-mismatch", Client,
        "When networkMode={networkMode}, the host ports and container ports in port mappings must match.") { Examples = ["awsvpc"] };
    public static readonly ServiceError ContainerMemoryBelowReservation = new("ecs.container-memory-below-reservation", Client,
        "Invalid setting for container '{container}'. 'memory' must be greater than or equal to 'memoryReservation'.") { Examples = ["web"] };
    public static readonly ServiceError ContainerMemoryMissing = new("ecs.container-memory-missing", Client,
        "Invalid setting for container '{container}'. At least one of 'memory' or 'memoryReservation' must be specified.") { Examples = ["web"] };
    public static readonly ServiceError ContainerMemoryAboveTask = new("ecs.container-memory-above-task", Client,
        "The 'memory' setting for container '{container}' is greater than for the task.") { Examples = ["web"] };
    public static readonly ServiceError ContainerReservationAboveTask = new("ecs.container-reservation-above-task", Client,
        "The 'memoryReservation' setting for container '{container}' is greater than for the task.") { Examples = ["web"] };
    public static readonly ServiceError ContainerPortRangeNotSimulated = new("ecs.container-port-range-not-simulated", Client,
        "containerPortRange is not supported by the workshop simulator; map each port with containerPort.");
    public static readonly ServiceError InvalidTaskSizeSetting = new("ecs.task-size-unreadable", Client,
        "Invalid '{member}' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.") { Examples = ["cpu"] };
    public static readonly ServiceError ExternalNetworkMode = new("ecs.external-network-mode", Client,
        "External instances only support network modes bridge, host and none.");

    // ---- task definitions: Fargate ----
    public static readonly ServiceError FargateNetworkMode = new("ecs.fargate-network-mode", Client, "Fargate only supports network mode \u2018awsvpc\u2019.");
    public static readonly ServiceError FargateTaskSizeMissing = new("ecs.fargate-task-size-missing", Client,
        "Fargate requires that '{member}' be defined at the task level.") { Examples = ["cpu"] };
    public static readonly ServiceError FargateSize = new("ecs.fargate-size", Client,
        "No Fargate configuration exists for given values: {cpu} CPU, {memory} memory. See the Amazon ECS documentation for the valid values.")
        { Examples = ["256", "4096"] };
    public static readonly ServiceError FargateIpcMode = new("ecs.fargate-ipc-mode", Client, "Tasks using the Fargate launch type do not support ipcMode.");
    public static readonly ServiceError FargatePidModeHost = new("ecs.fargate-pid-mode-host", Client,
        "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.");
    public static readonly ServiceError FargatePrivileged = new("ecs.fargate-privileged", Client, "Tasks using the Fargate launch type do not support privileged mode.");
    public static readonly ServiceError FargateLogDriver = new("ecs.fargate-log-driver", Client,
        "Log driver {driver} is not supported on Fargate. Supported log drivers: {supported}.") { Examples = ["syslog", "awslogs, splunk, awsfirelens"] };
    public static readonly ServiceError FargateAwslogsNeedsExecutionRole = new("ecs.fargate-awslogs-needs-execution-role", Client,
        "Fargate requires task definition to have execution role ARN to support log driver awslogs.");
    public static readonly ServiceError FargateAwslogsStreamPrefix = new("ecs.fargate-awslogs-stream-prefix", Client,
        "Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.");
    public static readonly ServiceError FargateEcrNeedsExecutionRole = new("ecs.fargate-ecr-needs-execution-role", Client,
        "Fargate requires task definition to have execution role ARN to support ECR images.");

    // ---- services ----
    public static readonly ServiceError ServiceNotFound = new("ecs.service-not-found", "ServiceNotFoundException", "Service not found.");
    public static readonly ServiceError ServiceNotActive = new("ecs.service-not-active", "ServiceNotActiveException", "Service was not ACTIVE.");
    /// <summary>
    /// The account's service quota (<see cref="Quotas.AccountQuotas.Services"/>) is reached. ECS's API model has a
    /// <c>LimitExceededException</c> ("The limit for the resource was exceeded."); what CreateService answers over the
    /// services-per-cluster quota is not confirmed, so the code is the model's and the second sentence is AWS-style wording.
    /// </summary>
    public static readonly ServiceError ServiceLimitExceeded = new("ecs.service-limit-exceeded", "LimitExceededException",
        "The limit for the resource was exceeded. This account can have at most {max} services.") { Examples = ["10"] };
    public static readonly ServiceError InvalidServiceName = new("ecs.service-name-invalid", Invalid,
        "Service name must match ^[a-zA-Z0-9\\-_]{1,255}$, but was {name}") { Examples = ["my service"] };
    public static readonly ServiceError ServiceNotIdempotent = new("ecs.service-not-idempotent", Invalid, "Creation of service was not idempotent.");
    public static readonly ServiceError ServiceStillDraining = new("ecs.service-still-draining", Invalid, "Unable to Start a service that is still Draining.");
    public static readonly ServiceError ServiceScaledAboveZero = new("ecs.service-scaled-above-zero", Invalid, "The service cannot be stopped while it is scaled above 0.");
    public static readonly ServiceError TooManyServices = new("ecs.too-many-services", Invalid, "services can have at most {max} items.") { Examples = ["10"] };
    public static readonly ServiceError DeploymentControllerNotSimulated = new("ecs.deployment-controller-not-simulated", "UnsupportedFeatureException",
        "The {controller} deployment controller is not simulated: the ECS workshop simulator runs rolling updates (deploymentController ECS) only.")
        { Examples = ["CODE_DEPLOY"] };
    public static readonly ServiceError LaunchTypeAndCapacityProviders = new("ecs.launch-type-and-capacity-providers", Invalid,
        "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
    public static readonly ServiceError DaemonFargate = new("ecs.daemon-fargate", Invalid,
        "The daemon scheduling strategy does not support the FARGATE launch type. Change the launch type and try again");
    /// <summary>UpdateService with a new strategy but without forceNewDeployment (real answers: kayac/ecspresso#481, reproio/ecs_deploy#74).</summary>
    public static readonly ServiceError CapacityProviderChangeNeedsNewDeployment = new("ecs.capacity-provider-change-needs-new-deployment", Invalid,
        "When switching from launch type to capacity provider strategy on an existing service, or making a change to a capacity provider strategy " +
        "on a service that is already using one, you must force a new deployment.");
    public static readonly ServiceError DaemonCapacityProviders = new("ecs.daemon-capacity-providers", Invalid,
        "Specifying a capacity provider strategy is not supported when you create a service using the DAEMON scheduling strategy.");
    public static readonly ServiceError DaemonDesiredCount = new("ecs.daemon-desired-count", Invalid,
        "The daemon scheduling strategy does not support a desired count for services. Remove the desired count value and try again");
    public static readonly ServiceError DaemonMaximumPercent = new("ecs.daemon-maximum-percent", Invalid,
        "The daemon scheduling strategy does not support values above 100 for maximumPercent on a deployment configuration. " +
        "Change the maximumPercent value to 100, and try again");
    public static readonly ServiceError PlatformVersionWithLaunchType = new("ecs.platform-version-with-launch-type", Invalid,
        "The platform version must be null when specifying an {launchType} launch type.") { Examples = ["EC2"] };
    public static readonly ServiceError NegativeDesiredCount = new("ecs.desired-count-negative", Invalid, "desiredCount must be at least 0.");
    // ---- services: loadBalancers (messages from real ECS answers, /work/shared/elbv2-facts.md §4.2) ----
    public static readonly ServiceError TargetGroupWithoutLoadBalancer = new("ecs.target-group-without-load-balancer", Invalid,
        "The target group with targetGroupArn {arn} does not have an associated load balancer.")
        { Examples = ["arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web-tg/0123456789abcdef"] };
    public static readonly ServiceError LoadBalancerContainerMissing = new("ecs.load-balancer-container-missing", Invalid,
        "The container {name} does not exist in the task definition.") { Examples = ["web"] };
    public static readonly ServiceError LoadBalancerContainerPortMissing = new("ecs.load-balancer-container-port-missing", Invalid,
        "The container {name} did not have a container port {port} defined.") { Examples = ["web", "8080"] };
    public static readonly ServiceError TargetTypeInstanceWithAwsvpc = new("ecs.target-type-instance-awsvpc", Invalid,
        "The provided target group {arn} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.")
        { Examples = ["arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web-tg/0123456789abcdef"] };
    // Not in the facts file: the wording users commonly report for a targetGroupArn ECS cannot find (unconfirmed).
    public static readonly ServiceError TargetGroupNotValidated = new("ecs.target-group-not-validated", Invalid,
        "Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.");
    public static readonly ServiceError NegativeGracePeriod = new("ecs.grace-period-negative", Invalid, "healthCheckGracePeriodSeconds must be at least 0.");
    public static readonly ServiceError MinimumHealthyPercentOutOfRange = new("ecs.minimum-healthy-percent-out-of-range", Invalid,
        "deploymentConfiguration.minimumHealthyPercent must be between 0 and 100.");
    public static readonly ServiceError MaximumPercentBelow100 = new("ecs.maximum-percent-below-100", Invalid,
        "deploymentConfiguration.maximumPercent must be at least 100.");
    public static readonly ServiceError CapacityProviderNotAssociated = new("ecs.capacity-provider-not-associated", Invalid,
        "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. " +
        "Associate the capacity provider with the cluster or specify a valid capacity provider and try again.");
    public static readonly ServiceError CapacityProviderWeightOutOfRange = new("ecs.capacity-provider-weight-out-of-range", Invalid,
        "The capacity provider strategy weight must be 0\u20131000 and base 0\u2013100000.");
    public static readonly ServiceError CapacityProviderWeightsAllZero = new("ecs.capacity-provider-weights-all-zero", Invalid,
        "At least one capacity provider must have a weight value greater than zero.");

    // ---- ECS Exec (the workshop's exec endpoint; AWS's ExecuteCommand answers the same) ----
    public static readonly ServiceError ExecNotEnabled = new("ecs.exec-not-enabled", Invalid,
        "The execute command failed because execute command was not enabled when the task was run or the execute command agent isn\u2019t running. Wait and try again or run a new task with execute command enabled and try again.");
    public static readonly ServiceError ExecContainerRequired = new("ecs.exec-container-required", Invalid,
        "The task has more than one container: specify the container to run the command in.");
    public static readonly ServiceError ExecContainerNotFound = new("ecs.exec-container-not-found", Invalid,
        "The container {container} was not found in the task.") { Examples = ["web"] };
    public static readonly ServiceError ExecCommandUnreadable = new("ecs.exec-command-unreadable", Invalid, "The command could not be read: {problem}")
        { Examples = ["it has an unterminated quote."] };
    public static readonly ServiceError ExecTargetNotConnected = new("ecs.exec-target-not-connected", "TargetNotConnectedException", "{problem}")
        { Examples = ["The execute command failed due to an internal error. Try again later."] };
    public static readonly ServiceError ExecBodyUnreadable = new("ecs.exec-body-unreadable", "SerializationException", "{problem}")
        { Examples = ["The body must be a JSON object."] };

    // ---- tasks ----
    public static readonly ServiceError TaskNotFound = new("ecs.task-not-found", Invalid, "The referenced task was not found.");

    // ---- the workshop's Spot interruption control (POST /_workshop/spot-interruption; AWS has no such call, so the words are ours) ----
    public static readonly ServiceError SpotInterruptionNotSpot = new("ecs.spot-interruption-not-spot", Invalid,
        "The task {task} does not run on FARGATE_SPOT (it runs on {provider}); only Fargate Spot tasks can be interrupted.")
        { Examples = ["0123456789abcdef0123456789abcdef", "FARGATE"] };
    public static readonly ServiceError SpotInterruptionNotRunning = new("ecs.spot-interruption-not-running", Invalid,
        "The task {task} is already stopping or stopped; there is nothing to interrupt.")
        { Examples = ["0123456789abcdef0123456789abcdef"] };
    public static readonly ServiceError SpotInterruptionBodyUnreadable = new("ecs.spot-interruption-body-unreadable", "SerializationException", "{problem}")
        { Examples = ["The body must be a JSON object."] };
    public static readonly ServiceError TasksEmpty = new("ecs.tasks-empty", Invalid, "Tasks cannot be empty.");
    public static readonly ServiceError TooManyTasks = new("ecs.too-many-tasks", Invalid, "taskIds can have at most {max} items.") { Examples = ["100"] };
    public static readonly ServiceError NoContainerInstances = new("ecs.no-container-instances", Invalid, "No Container Instances were found in your cluster.");
    public static readonly ServiceError CountOutOfRange = new("ecs.count-out-of-range", Invalid, "Count must be between 1 and {max}.") { Examples = ["10"] };
    public static readonly ServiceError StartedByTooLong = new("ecs.started-by-too-long", Invalid, "startedBy must be at most {max} characters.") { Examples = ["128"] };
    public static readonly ServiceError GroupTooLong = new("ecs.group-too-long", Invalid, "group must be at most {max} characters.") { Examples = ["255"] };
    public static readonly ServiceError ReasonTooLong = new("ecs.reason-too-long", Invalid, "reason must be at most {max} characters.") { Examples = ["1024"] };
    public static readonly ServiceError OverrideForUnknownContainer = new("ecs.override-for-unknown-container", Invalid,
        "Override for container named {container} is not a container in the TaskDefinition.") { Examples = ["web"] };
    public static readonly ServiceError ContainerOverridesTooLong = new("ecs.container-overrides-too-long", Invalid,
        "Container Overrides length must be at most {max}") { Examples = ["8192"] };
    public static readonly ServiceError InvalidTaskOverrideSize = new("ecs.task-override-size-invalid", Invalid,
        "Invalid '{member}' setting for task override: {value}.") { Examples = ["cpu", "lots"] };
    public static readonly ServiceError LaunchTypeNotSupportedByTaskDefinition = new("ecs.launch-type-not-supported-by-task-definition", Invalid,
        "Task definition does not support launch_type {launchType}.") { Examples = ["EC2"] };
    public static readonly ServiceError PlatformUnknown = new("ecs.platform-unknown", "PlatformUnknownException",
        "The specified platform version does not exist: {version}.") { Examples = ["9.9.9"] };
    public static readonly ServiceError PlatformTaskDefinitionIncompatibility = new("ecs.platform-task-definition-incompatibility",
        "PlatformTaskDefinitionIncompatibilityException", "The specified platform does not satisfy the task definition's required capabilities.");
    public static readonly ServiceError NetworkConfigurationNotValid = new("ecs.network-configuration-not-valid", Invalid,
        "Network Configuration is not valid for the given networkMode of this task definition.");
    public static readonly ServiceError AwsvpcNeedsNetworkConfiguration = new("ecs.awsvpc-needs-network-configuration", Invalid,
        "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    public static readonly ServiceError SubnetsEmpty = new("ecs.subnets-empty", Invalid, "subnets can not be empty.");
    public static readonly ServiceError TooManySubnets = new("ecs.too-many-subnets", Invalid, "subnets can have at most {max} items.") { Examples = ["16"] };
    /// <summary>Real (a CloudFormation CreateService failure quoted in eddmann/serverless-fargate#20).</summary>
    public static readonly ServiceError SubnetNotFound = new("ecs.subnet-not-found", Invalid,
        "Error retrieving subnet information for [{subnet}]: The subnet ID '{subnet}' does not exist (ErrorCode: InvalidSubnetID.NotFound)")
        { Examples = ["subnet-x"] };
    public static readonly ServiceError TooManySecurityGroups = new("ecs.too-many-security-groups", Invalid, "securityGroups can have at most {max} items.")
        { Examples = ["5"] };
    /// <summary>
    /// The words up to "does not exist" are real (a RunTask failure quoted in a public project note); the
    /// "(ErrorCode: InvalidGroup.NotFound)" ending follows the subnet error's shape and moto, and is not confirmed.
    /// </summary>
    public static readonly ServiceError SecurityGroupNotFound = new("ecs.security-group-not-found", Invalid,
        "Error retrieving security group information for [{group}]: The security group '{group}' does not exist (ErrorCode: InvalidGroup.NotFound)")
        { Examples = ["sg-x"] };
    public static readonly ServiceError AssignPublicIpUnsupported = new("ecs.assign-public-ip-unsupported", Invalid,
        "Assign public IP is not supported for this launch type.");

    // ---- tags ----
    public static readonly ServiceError InvalidArn = new("ecs.arn-invalid", Invalid, "The ARN provided is invalid.");
    public static readonly ServiceError LongArnRequired = new("ecs.long-arn-required", Invalid, "Long arn format must be used for tagging operations");
    public static readonly ServiceError TooManyTags = new("ecs.too-many-tags", Invalid, "The number of tags exceeds the limit of {max}.") { Examples = ["50"] };
    public static readonly ServiceError TagValueTooLong = new("ecs.tag-value-too-long", Invalid, "Tag values must be at most {max} characters.") { Examples = ["256"] };
    public static readonly ServiceError TagKeyLength = new("ecs.tag-key-length", Invalid, "Tag keys must be between 1 and {max} characters.") { Examples = ["128"] };
    public static readonly ServiceError TagKeyReservedPrefix = new("ecs.tag-key-reserved-prefix", Invalid, "Tag keys may not begin with the reserved prefix 'aws:'.");
    public static readonly ServiceError TagInvalidCharacters = new("ecs.tag-invalid-characters", Invalid,
        "Tag keys and values may contain only letters, numbers, spaces and the characters + - = . _ : / @");
}
