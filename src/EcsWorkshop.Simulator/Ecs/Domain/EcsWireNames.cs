using EcsWorkshop.Facts.Wire;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.Services;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>
/// How ECS spells the values of its enums, one table per enum, in the order of the ECS API model (the order ECS
/// lists them in when it refuses a value). The wire mapper reads and writes them with these tables, and the domain
/// names them in its messages (<c>launch_type FARGATE</c>, <c>networkMode=awsvpc</c>) from the same tables.
/// </summary>
public static class EcsWireNames
{
    public static readonly WireNames<LaunchType> LaunchTypes = new(
        ("EC2", LaunchType.Ec2), ("FARGATE", LaunchType.Fargate), ("EXTERNAL", LaunchType.External));

    public static readonly WireNames<NetworkMode> NetworkModes = new(
        ("bridge", NetworkMode.Bridge), ("host", NetworkMode.Host), ("awsvpc", NetworkMode.Awsvpc), ("none", NetworkMode.None));

    public static readonly WireNames<CpuArchitecture> CpuArchitectures = new(
        ("X86_64", CpuArchitecture.X86_64), ("ARM64", CpuArchitecture.Arm64));

    public static readonly WireNames<string> OperatingSystemFamilies = WireNames.Of(
        "WINDOWS_SERVER_2019_FULL", "WINDOWS_SERVER_2019_CORE", "WINDOWS_SERVER_2016_FULL", "WINDOWS_SERVER_2004_CORE",
        "WINDOWS_SERVER_2022_CORE", "WINDOWS_SERVER_2022_FULL", "WINDOWS_SERVER_2025_CORE", "WINDOWS_SERVER_2025_FULL",
        "WINDOWS_SERVER_20H2_CORE", "LINUX");

    public static readonly WireNames<string> PidModes = WireNames.Of("host", "task");
    public static readonly WireNames<string> IpcModes = WireNames.Of("host", "task", "none");
    public static readonly WireNames<string> Protocols = WireNames.Of("tcp", "udp");
    public static readonly WireNames<string> AppProtocols = WireNames.Of("http", "http2", "grpc");
    public static readonly WireNames<string> LogDrivers = WireNames.Of(
        "json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens");

    public static readonly WireNames<TaskDefinitionStatus> TaskDefinitionStatuses = new(
        ("ACTIVE", TaskDefinitionStatus.Active), ("INACTIVE", TaskDefinitionStatus.Inactive),
        ("DELETE_IN_PROGRESS", TaskDefinitionStatus.DeleteInProgress));

    public static readonly WireNames<TaskDefinitionFamilyStatus> FamilyStatuses = new(
        ("ACTIVE", TaskDefinitionFamilyStatus.Active), ("INACTIVE", TaskDefinitionFamilyStatus.Inactive),
        ("ALL", TaskDefinitionFamilyStatus.All));

    /// <summary>ListTaskDefinitions' <c>sort</c>: whether the newest come first.</summary>
    public static readonly WireNames<bool> SortDescending = new(("ASC", false), ("DESC", true));

    /// <summary>The optional parts DescribeServices, DescribeTasks and DescribeTaskDefinition can include.</summary>
    public static readonly WireNames<string> IncludeFields = WireNames.Of("TAGS");

    /// <summary>What DescribeClusters may be asked to include.</summary>
    public static readonly WireNames<string> ClusterIncludeFields = WireNames.Of("ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS");

    public static readonly WireNames<bool> AssignPublicIp = new(("ENABLED", true), ("DISABLED", false));

    /// <summary>The statuses a task can be asked to be in, and ListTasks filters by.</summary>
    public static readonly WireNames<EcsTaskStatus> DesiredStatuses = new(
        ("RUNNING", EcsTaskStatus.Running), ("PENDING", EcsTaskStatus.Pending), ("STOPPED", EcsTaskStatus.Stopped));

    /// <summary>Every status a task or container reports as its <c>lastStatus</c>.</summary>
    public static readonly WireNames<EcsTaskStatus> TaskStatuses = new(
        ("PROVISIONING", EcsTaskStatus.Provisioning), ("PENDING", EcsTaskStatus.Pending), ("ACTIVATING", EcsTaskStatus.Activating),
        ("RUNNING", EcsTaskStatus.Running), ("DEACTIVATING", EcsTaskStatus.Deactivating), ("STOPPING", EcsTaskStatus.Stopping),
        ("DEPROVISIONING", EcsTaskStatus.Deprovisioning), ("STOPPED", EcsTaskStatus.Stopped));

    public static readonly WireNames<StopCode> StopCodes = new(
        ("TaskFailedToStart", StopCode.TaskFailedToStart), ("EssentialContainerExited", StopCode.EssentialContainerExited),
        ("UserInitiated", StopCode.UserInitiated), ("ServiceSchedulerInitiated", StopCode.ServiceSchedulerInitiated),
        ("SpotInterruption", StopCode.SpotInterruption), ("TerminationNotice", StopCode.TerminationNotice));

    public static readonly WireNames<ClusterStatus> ClusterStatuses = new(("ACTIVE", ClusterStatus.Active), ("INACTIVE", ClusterStatus.Inactive));

    public static readonly WireNames<ServiceStatus> ServiceStatuses = new(
        ("ACTIVE", ServiceStatus.Active), ("DRAINING", ServiceStatus.Draining), ("INACTIVE", ServiceStatus.Inactive));

    public static readonly WireNames<DeploymentStatus> DeploymentStatuses = new(
        ("PRIMARY", DeploymentStatus.Primary), ("ACTIVE", DeploymentStatus.Active), ("INACTIVE", DeploymentStatus.Inactive));

    public static readonly WireNames<RolloutState> RolloutStates = new(
        ("IN_PROGRESS", RolloutState.InProgress), ("COMPLETED", RolloutState.Completed), ("FAILED", RolloutState.Failed));

    public static readonly WireNames<string> DeploymentControllers = WireNames.Of(ServiceCommands.EcsController, "CODE_DEPLOY", "EXTERNAL");

    public static readonly WireNames<string> SchedulingStrategies = WireNames.Of(Services.SchedulingStrategies.Replica, Services.SchedulingStrategies.Daemon);

    public static readonly WireNames<string> PropagateTags = WireNames.Of(PropagateTagsFrom.TaskDefinition, PropagateTagsFrom.Service, PropagateTagsFrom.None);
}
