namespace EcsWorkshop.Display.Tests.Errors;

/// <summary>How a documented message reaches the learner, and so which catalogue call explains it.</summary>
public enum DocumentedKind
{
    /// <summary>A <c>stopCode</c> value on its own.</summary>
    StopCode,

    /// <summary>A task's <c>stoppedReason</c> or a container's <c>reason</c>, under the row's stop code.</summary>
    StopReason,

    /// <summary>A service event message or rollout reason.</summary>
    ServiceEvent,

    /// <summary>A <c>failures[].reason</c> of the row's API action.</summary>
    Failure,

    /// <summary>An API error (code and message).</summary>
    ApiError,
}

/// <summary>
/// One Fargate-relevant row of the review of AWS's stopped-task errors (<c>shared/reviews/stopped-task-errors.md</c>,
/// Part 1A): its id there, the message shapes AWS documents (current wording and older prefixed forms, with the
/// placeholders filled), the stop code or API action it comes with, the AWS pages that give its cause and fix, and the
/// catalogue entry that must explain it.
/// </summary>
public sealed record DocumentedError(string Id, DocumentedKind Kind, string Code, string[] Messages, string Pages, string Entry)
{
    public override string ToString() => Id;
}

/// <summary>The 77 Fargate-relevant rows, as facts copied from AWS's pages through the review.</summary>
public static class AwsDocumentedErrors
{
    private const string Start = "TaskFailedToStart";
    private const string Exited = "EssentialContainerExited";
    private const string Scheduler = "ServiceSchedulerInitiated";
    private const string Events = "DG/service-event-messages-list.html";
    private const string Failures = "DG/api_failures_messages.html";
    private const string Pull = "DG/task_cannot_pull_image.html";
    private const string Init = "DG/resource-initialization-error.html";

    private static DocumentedError Stop(string id, string code, string pages, string entry, params string[] messages) =>
        new(id, DocumentedKind.StopReason, code, messages, pages, entry);

    private static DocumentedError Event(string id, string entry, string message, string pages = Events) =>
        new(id, DocumentedKind.ServiceEvent, "", [message], pages, entry);

    /// <summary>Every row.</summary>
    public static IReadOnlyList<DocumentedError> All { get; } =
    [
        // ---- A. Stop codes (API/API_Task.html) ----
        new("A1", DocumentedKind.StopCode, Start, [""], "API/API_Task.html", "stop-failed-to-start"),
        new("A2", DocumentedKind.StopCode, Exited, [""], "API/API_Task.html", "stop-essential-exited-any"),
        new("A3", DocumentedKind.StopCode, "UserInitiated", [""], "API/API_Task.html", "stop-user-any"),
        new("A4", DocumentedKind.StopCode, Scheduler, [""], "API/API_Task.html", "stop-scheduler"),
        new("A5", DocumentedKind.StopCode, "SpotInterruption", [""], "API/API_Task.html", "stop-spot"),
        new("A6", DocumentedKind.StopCode, "TerminationNotice", [""], "API/API_Task.html", "stop-spot"),

        // ---- B1. TaskFailedToStart ----
        Stop("B1.1", Start, "DG/failed-to-start-error.html", "stop-subnet-ip-exhausted",
            "Unexpected EC2 error while attempting to Create Network Interface with public IP assignment enabled in subnet 'subnet-0123456789abcdef0'",
            "TaskFailedToStart: Unexpected EC2 error while attempting to Create Network Interface with public IP assignment enabled in subnet 'subnet-0123456789abcdef0'"),
        Stop("B1.2", Start, "DG/failed-to-start-error.html", "stop-internal-error", "InternalError: <reason>"),
        Stop("B1.3", Start, "DG/failed-to-start-error.html", "stop-compute-strategy",
            "The selected task definition is not compatible with the selected compute strategy",
            "TaskFailedToStart: The selected task definition is not compatible with the selected compute strategy"),

        // ---- B2. ResourceInitializationError ----
        Stop("B2.0", Start, "UG/stopped-task-error-codes.html", "stop-resource-initialization", "ResourceInitializationError: <reason>"),
        Stop("B2.1", Start, Init, "stop-ecr-auth-network",
            "The task cannot pull registry authentication from Amazon ECR. There is a connection issue between the task and Amazon ECR. Check your task network configuration.",
            "ResourceInitializationError: The task cannot pull registry authentication from Amazon ECR. There is a connection issue between the task and Amazon ECR. Check your task network configuration."),
        Stop("B2.2", Start, Init, "stop-env-files-s3",
            "The task can't download the environment variable files from Amazon S3. There is a connection issue between the task and Amazon S3. Check your task network configuration.",
            "ResourceInitializationError: The task can't download the environment variable files from Amazon S3. There is a connection issue between the task and Amazon S3. Check your task network configuration."),
        Stop("B2.3", Start, Init, "stop-ssm-network",
            "The task cannot pull secrets from AWS Systems Manager Parameter Store. Check your network connection between the task and AWS Systems Manager.",
            "ResourceInitializationError: The task cannot pull secrets from AWS Systems Manager Parameter Store. Check your network connection between the task and AWS Systems Manager."),
        Stop("B2.4", Start, Init, "stop-secrets-manager-network",
            "The task can't pull secrets from AWS Secrets Manager. There is a connection issue between the task and Secrets Manager. Check your task network configuration.",
            "ResourceInitializationError: The task can't pull secrets from AWS Secrets Manager. There is a connection issue between the task and Secrets Manager. Check your task network configuration."),
        Stop("B2.5", Start, Init, "stop-secret-retrieve",
            "The task can't pull the secret from Secrets Manager. The task can't retrieve the secret with ARN 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf' from Secrets Manager. Check whether the secret exists in the specified Region.",
            "ResourceInitializationError: The task can't pull the secret from Secrets Manager. The task can't retrieve the secret with ARN 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf' from Secrets Manager. Check whether the secret exists in the specified Region."),
        Stop("B2.6", Start, Init, "stop-pull-secrets-or-auth",
            "pull command failed: unable to pull secrets or registry auth Check your task network configuration.",
            "ResourceInitializationError: pull command failed: unable to pull secrets or registry auth Check your task network configuration."),
        Stop("B2.7", Start, Init, "stop-logs-network",
            "The task cannot find the Amazon CloudWatch log group defined in the task definition. There is a connection issue between the task and Amazon CloudWatch. Check your network configuration.",
            "ResourceInitializationError: The task cannot find the Amazon CloudWatch log group defined in the task definition. There is a connection issue between the task and Amazon CloudWatch. Check your network configuration."),
        Stop("B2.8", Start, Init, "stop-log-group-missing",
            "failed to initialize logging driver",
            "ResourceInitializationError: failed to initialize logging driver: <reason>"),
        Stop("B2.9", Start, Init, "stop-efs",
            "failed to invoke EFS utils commands to set up EFS volumes",
            "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: <reason>"),
        Stop("B2.10", Start, "KC/ecs-unable-to-pull-secrets", "stop-registry-auth",
            "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post \"https://api.ecr.ap-northeast-1.amazonaws.com/\": dial tcp 52.119.0.1:443: i/o timeout. Please check your task network configuration.",
            "ResourceInitializationError: unable to pull secrets or registry auth: pull command failed: : signal: killed"),
        Stop("B2.11", Start, "KC/ecs-unable-to-pull-secrets", "stop-secrets-auth",
            "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): <reason>",
            "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf from secrets manager: <reason>"),

        // ---- B3–B12 ----
        Stop("B3", Start, "DG/resource-not-found-error.html", "stop-secret-not-found",
            "The task can't retrieve the secret with ARN 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf' from AWS Secrets Manager. Check whether the secret exists in the specified Region.",
            "ResourceNotFoundException: The task can't retrieve the secret with ARN 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf' from AWS Secrets Manager. Check whether the secret exists in the specified Region.",
            "Fetching secret data from AWS Secrets Manager in region ap-northeast-1: secret arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf: ResourceNotFoundException: Secrets Manager can't find the specified secret."),
        Stop("B4", "SpotInterruption", "DG/spot-interruption-errors.html", "stop-spot-interrupted", "Your Spot Task was interrupted."),
        Stop("B5", Start, "DG/internal-error.html", "stop-internal-error", "InternalError"),
        Stop("B6", Exited, "DG/out-of-memory.html", "stop-out-of-memory",
            "container killed due to memory usage",
            "OutOfMemoryError: Container killed due to memory usage"),
        Stop("B7", Exited, "DG/container-runtime-error.html", "stop-container-runtime", "ContainerRuntimeError", "ContainerRuntimeError: <reason>"),
        Stop("B8", Start, "DG/container-runtime-timeout-error.html", "stop-container-runtime-timeout",
            "ContainerRuntimeTimeoutError: Could not transition to running; timed out after waiting 1m: <reason>",
            "DockerTimeoutError: Could not transition to running; timed out after waiting 1m: <reason>"),
        Stop("B9", Start, "DG/cannot-start-container.html", "stop-cannot-start-container", "CannotStartContainerError: failed to get container status: <reason>"),
        Stop("B10", Exited, "DG/cannot-stop-container.html", "stop-cannot-stop-container", "CannotStopContainerError: failed sending SIGTERM to container: <reason>"),
        Stop("B11", Start, "DG/cannot-inspect-container.html", "stop-cannot-inspect-container", "CannotInspectContainerError: <reason>"),
        Stop("B12", Start, "DG/cannot-create-volume.html", "stop-cannot-create-volume", "CannotCreateVolumeError", "CannotCreateVolumeError: <reason>"),

        // ---- B13. CannotPullContainer (DG/task_cannot_pull_image.html) ----
        Stop("B13.1", Start, Pull, "stop-pull-permission",
            "The task can't pull the image. Check that the role has the permissions to pull images from the registry.",
            "CannotPullContainerError: The task can't pull the image. Check that the role has the permissions to pull images from the registry."),
        Stop("B13.2", Start, Pull, "stop-pull-network",
            "The task cannot pull 'web:v1' from the Amazon ECR repository '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/web'. There is a connection issue between the task and Amazon ECR. Check your task network configuration.",
            "CannotPullContainerError: The task cannot pull 'web:v1' from the Amazon ECR repository '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/web'. There is a connection issue between the task and Amazon ECR. Check your task network configuration."),
        Stop("B13.3", Start, Pull, "stop-pull-network",
            "The task can't pull the image. Check your network configuration",
            "CannotPullContainerError: The task can't pull the image. Check your network configuration"),
        Stop("B13.4", Start, Pull, "stop-image-pull",
            "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/web:v9: 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/web:v9: not found",
            "pull image manifest has been retried 5 time(s): failed to resolve ref"),
        Stop("B13.5", Start, Pull, "stop-pull-no-route",
            "API error (500): Get https://111122223333.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection",
            "CannotPullContainerError: API error (500): Get https://111122223333.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection"),
        Stop("B13.6", Start, Pull, "stop-pull-api-error", "API error", "CannotPullContainerError: API error"),
        Stop("B13.7", Start, Pull, "stop-pull-rate-limit",
            "ERROR: toomanyrequests: Too Many Requests",
            "You have reached your pull rate limit.",
            "CannotPullContainerError: inspect image has been retried 5 time(s): httpReaderSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/latest: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit."),
        Stop("B13.8", Start, Pull, "stop-pull-no-route",
            "Error response from daemon: Get https://111122223333.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection",
            "CannotPullContainerError: Error response from daemon: Get https://111122223333.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection"),
        Stop("B13.9", Start, Pull, "stop-pull-copy-failed",
            "ref pull has been retried 1 time(s): failed to copy: httpReaderSeeker: failed open: unexpected status code",
            "CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReaderSeeker: failed open: unexpected status code"),
        Stop("B13.10", Start, Pull, "stop-pull-access-denied",
            "pull access denied",
            "CannotPullContainerError: Error response from daemon: pull access denied for web, repository does not exist or may require 'docker login'"),
        Stop("B13.11", Start, Pull, "stop-pull-s3-access",
            "pull command failed: panic: runtime error: invalid memory address or nil pointer dereference",
            "CannotPullContainerError: pull command failed: panic: runtime error: invalid memory address or nil pointer dereference"),
        Stop("B13.12", Start, Pull, "stop-pull-image-config",
            "error pulling image conf",
            "CannotPullContainerError: error pulling image configuration: <reason>"),
        Stop("B13.13", Start, Pull, "stop-pull-no-route", "Context canceled", "CannotPullContainerError: context canceled"),
        Stop("B13.14", Start, Pull, "stop-image-pull",
            "CannotPullContainerError: API error (404): repository 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/web/app not found"),

        // ---- C. Stopped reasons ----
        Stop("C1", Exited, "KC/ecs-task-stopped", "stop-essential-exited", "Essential container in task exited"),
        Stop("C2", Scheduler, "DG/troubleshoot-service-load-balancers.html", "stop-elb-health",
            "Task failed ELB health checks in (elb web-lb)",
            "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web-tg/0123456789abcdef)"),
        Stop("C3", Scheduler, "KC/ecs-task-container-health-check-failures", "stop-container-health",
            "Task failed container health checks",
            "(service web) (task 0123456789abcdef0123456789abcdef) failed container health checks"),
        Stop("C4", Scheduler, "DG/stopped-task-errors.html", "stop-scaling-activity", "Scaling activity initiated by (deployment ecs-svc/1234567890123456789)"),
        Stop("C5", "UserInitiated", "KC/ecs-task-stopped", "stop-user", "Task stopped by user"),
        Stop("C6", Scheduler, "DG/task-maintenance.html", "stop-maintenance", "ECS is performing maintenance on the underlying infrastructure hosting the task"),

        // ---- D. Service event messages ----
        Event("D1", "event-unable-to-consistently-start", "service (web) is unable to consistently start tasks successfully."),
        Event("D2", "event-throttled", "service (web) operations are being throttled. Will try again later."),
        Event("D3", "event-deployment-configuration", "service (web) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again."),
        Event("D4", "event-task-limit", "service (web) was unable to place a task. Reason: You've reached the limit on the number of tasks you can run concurrently"),
        Event("D5", "event-internal-error", "service (web) was unable to place a task. Reason: Internal error."),
        Event("D6", "event-cpu-limit", "service (web) was unable to place a task. Reason: The requested CPU configuration is above your limit."),
        Event("D7", "event-memory-limit", "service (web) was unable to place a task. Reason: The requested MEMORY configuration is above your limit."),
        Event("D8", "event-vcpu-limit", "service (web) was unable to place a task. Reason: You've reached the limit on the number of vCPUs you can run concurrently"),
        Event("D9", "event-protected-tasks", "service (web) was unable to reach steady state because task set (ecs-svc/1234567890123456789) was unable to scale in. Reason: The number of protected tasks are more than the desired count of tasks"),
        Event("D10", "event-capacity-unavailable", "service (web) was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone."),
        Event("D11", "event-deployment-failed", "service (web) deployment failed: tasks failed to start."),
        Event("D12", "event-target-group-not-found", "service (web) task set (ecs-svc/1234567890123456789) (task 0123456789abcdef0123456789abcdef) is not healthy in target-group (arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web-tg/0123456789abcdef) due to TARGET GROUP IS NOT FOUND."),
        Event("D13", "event-target-not-found", "service (web) task set (ecs-svc/1234567890123456789) (task 0123456789abcdef0123456789abcdef) is not healthy in target-group (arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web-tg/0123456789abcdef) due to TARGET IS NOT FOUND."),
        Event("D14", "event-iam-permissions", "IAM permissions policies have been misconfigured or changed, and ECS can no longer maintain your service"),
        Event("D15", "event-iam-trust", "IAM trust relationship has been misconfigured or changed, and ECS can no longer maintain your service"),
        Event("D16", "event-could-not-launch", "service (web) could not launch 2 tasks for deployment ecs-svc/1234567890123456789."),
        Event("D17", "event-provisioning-limit", "service (web) was unable to place tasks in your cluster because the tasks provisioning capacity limit was exceeded."),
        Event("D18", "event-target-unhealthy",
            "(service web) (task 0123456789abcdef0123456789abcdef) (port 8080) is unhealthy in (target-group web-tg) due to (reason Request timed out)",
            "DG/service-unhealthy-event-messages.html"),

        // ---- E. API failure reasons ----
        new("E1", DocumentedKind.Failure, "DescribeClusters", ["MISSING"], Failures, "failure-missing"),
        new("E2", DocumentedKind.Failure, "DescribeServices", ["MISSING"], Failures, "failure-missing"),
        new("E3", DocumentedKind.Failure, "DescribeTasks", ["MISSING"], Failures, "failure-missing"),
        new("E4", DocumentedKind.Failure, "GetTaskProtection", ["TASK_NOT_VALID"], Failures, "failure-task-not-valid"),
        new("E5", DocumentedKind.Failure, "UpdateTaskProtection", ["DEPLOYMENT_BLOCKED"], Failures, "failure-deployment-blocked"),
        new("E6", DocumentedKind.Failure, "StopServiceDeployment", ["ECS deployment failed"], Failures, "failure-stop-deployment"),
        new("E7", DocumentedKind.ApiError, "InvalidParameterException", ["Long arn format must be used for tagging operations"], Failures, "tag-arn-invalid"),
        new("E8", DocumentedKind.Failure, "RunTask", ["Capacity is unavailable at this time. Please try again later or in a different availability zone"],
            "KC/ecs-fargate-runtask-capacity", "failure-capacity-unavailable"),
    ];

    /// <summary>The rows as xUnit data.</summary>
    public static TheoryData<DocumentedError> Rows
    {
        get
        {
            var data = new TheoryData<DocumentedError>();
            foreach (var row in All) data.Add(row);
            return data;
        }
    }
}
