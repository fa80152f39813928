namespace EcsWorkshop.Simulator.Runtime;

/// <summary>A port of a running task's container, published on the loopback address, and the URL that reaches it.</summary>
public sealed record TaskEndpoint(string Cluster, string TaskArn, string ContainerName, int ContainerPort, string Url);

/// <summary>What a command run in a container (ECS Exec) printed, and its exit code.</summary>
public sealed record ExecResult(string Output, string Error, long ExitCode);
