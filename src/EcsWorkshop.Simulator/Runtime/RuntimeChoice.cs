namespace EcsWorkshop.Simulator.Runtime;

/// <summary>What <c>--runtime</c> asks for.</summary>
public enum RuntimeChoice
{
    /// <summary>Docker when an engine answers, else the simulated runtime.</summary>
    Auto,

    /// <summary>Docker, or fail at start when no engine answers.</summary>
    Docker,

    /// <summary>No containers: tasks move through their lifecycle on the clock alone.</summary>
    Simulated,
}

/// <summary>The runtime in use.</summary>
public enum ContainerRuntimeKind
{
    Simulated,
    Docker,
}

/// <summary>Names of the runtimes as the command line and <c>/_workshop/health</c> write them.</summary>
public static class RuntimeNames
{
    public const string Auto = "auto", Docker = "docker", Simulated = "simulated";

    /// <summary>The values <c>--runtime</c> accepts.</summary>
    public static readonly string[] Choices = [Auto, Docker, Simulated];

    public static RuntimeChoice Parse(string text) => text switch
    {
        Auto => RuntimeChoice.Auto,
        Docker => RuntimeChoice.Docker,
        Simulated => RuntimeChoice.Simulated,
        _ => throw new ArgumentException($"--runtime must be one of {string.Join(", ", Choices)}, not {text}.", nameof(text)),
    };

    public static string Of(ContainerRuntimeKind kind) => kind == ContainerRuntimeKind.Docker ? Docker : Simulated;
}
