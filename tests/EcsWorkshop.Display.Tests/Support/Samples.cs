using EcsWorkshop.Display.Diagrams;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Tests.Support;

/// <summary>Views as the hands-on steps would produce them, with realistic values.</summary>
public static class Samples
{
    public const string Region = "ap-northeast-1";
    public const string Account = "123456789012";

    /// <summary>2026-11-29 04:05:06 UTC = 13:05:06 in Japan.</summary>
    public static readonly DateTimeOffset Moment = new(2026, 11, 29, 4, 5, 6, TimeSpan.Zero);

    public static ClusterView Cluster(string name = "fargate-cluster", string status = "ACTIVE") => new()
    {
        Name = name,
        Arn = $"arn:aws:ecs:{Region}:{Account}:cluster/{name}",
        Status = status,
        RunningTasksCount = 2,
        PendingTasksCount = 1,
        ActiveServicesCount = 1,
    };

    public static TaskDefinitionView TaskDefinition(string containerName = "web") => new()
    {
        Family = "sample-fargate",
        Revision = 3,
        Arn = $"arn:aws:ecs:{Region}:{Account}:task-definition/sample-fargate:3",
        Status = "ACTIVE",
        Cpu = "256",
        Memory = "512",
        NetworkMode = "awsvpc",
        RequiresCompatibilities = ["FARGATE"],
        Compatibilities = ["EC2", "FARGATE"],
        ExecutionRoleArn = $"arn:aws:iam::{Account}:role/ecsTaskExecutionRole",
        Containers =
        [
            new ContainerDefinitionView
            {
                Name = containerName,
                Image = $"{Account}.dkr.ecr.{Region}.amazonaws.com/workshop/web:1",
                Ports = [new PortMappingView(80, 80)],
                LogDriver = "awslogs",
                LogGroup = "/ecs/sample-fargate",
                LogStreamPrefix = "ecs",
            },
        ],
    };

    public static string TaskId(int n) => n.ToString("x2") + "c0ffee00112233445566778899aabb"[..30];

    public static ServiceView Service(string name = "web", int desired = 2, int running = 1, int pending = 1) => new()
    {
        Name = name,
        Arn = $"arn:aws:ecs:{Region}:{Account}:service/fargate-cluster/{name}",
        Cluster = "fargate-cluster",
        Status = "ACTIVE",
        DesiredCount = desired,
        RunningCount = running,
        PendingCount = pending,
        TaskDefinition = $"arn:aws:ecs:{Region}:{Account}:task-definition/sample-fargate:3",
        LaunchType = "FARGATE",
        CreatedAt = Moment,
        Deployments =
        [
            new DeploymentView
            {
                Id = "ecs-svc/1234567890123456789", Status = "PRIMARY", TaskDefinition = "sample-fargate:3",
                DesiredCount = desired, RunningCount = running, PendingCount = pending, RolloutState = "IN_PROGRESS",
                RolloutStateReason = "ECS deployment ecs-svc/1234567890123456789 in progress.",
            },
            new DeploymentView
            {
                Id = "ecs-svc/9876543210987654321", Status = "ACTIVE", TaskDefinition = "sample-fargate:2",
                DesiredCount = 0, RunningCount = 1, RolloutState = "COMPLETED",
            },
        ],
        Events =
        [
            new ServiceEventView(Moment.AddSeconds(30), $"(service {name}) has started 1 tasks: (task {TaskId(2)})."),
            new ServiceEventView(Moment, $"(service {name}) has started 1 tasks: (task {TaskId(1)})."),
        ],
    };

    public static TaskView Task(int n = 1, string lastStatus = "RUNNING", string? service = "web", params TaskContainerView[] containers) => new()
    {
        Id = TaskId(n),
        Arn = $"arn:aws:ecs:{Region}:{Account}:task/fargate-cluster/{TaskId(n)}",
        LastStatus = lastStatus,
        DesiredStatus = lastStatus == "STOPPED" ? "STOPPED" : "RUNNING",
        TaskDefinition = $"arn:aws:ecs:{Region}:{Account}:task-definition/sample-fargate:3",
        Group = service is null ? "family:sample-fargate" : $"service:{service}",
        LaunchType = "FARGATE",
        Cpu = "256",
        Memory = "512",
        PrivateIpv4Address = "10.0.1.23",
        CreatedAt = Moment,
        StartedAt = lastStatus is "RUNNING" or "STOPPED" ? Moment.AddSeconds(20) : null,
        Containers = containers.Length > 0
            ? [.. containers]
            : [new TaskContainerView { Name = "web", LastStatus = lastStatus == "STOPPED" ? "STOPPED" : lastStatus == "RUNNING" ? "RUNNING" : "PENDING", Image = "nginx:latest" }],
    };

    public static TaskView StoppedTask(int n = 9) => Task(n, "STOPPED", null) with
    {
        StopCode = "EssentialContainerExited",
        StoppedReason = "Essential container in task exited",
        StoppedAt = Moment.AddMinutes(2),
        Containers = [new TaskContainerView { Name = "web", LastStatus = "STOPPED", ExitCode = 1, Image = "nginx:latest", ImageDigest = "sha256:" + new string('a', 64) }],
    };

    public static ClusterOverview Overview() => new()
    {
        Cluster = Cluster(),
        Services = [Service("web"), Service("api", desired: 1, running: 1, pending: 0)],
        Tasks =
        [
            Task(1, "RUNNING", "web"),
            Task(2, "PENDING", "web"),
            Task(3, "RUNNING", "api"),
            StoppedTask(4),
        ],
    };
}
