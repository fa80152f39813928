namespace EcsWorkshop;

/// <summary>How a session is set up. The defaults suit a notebook; tests name their own session and output.</summary>
public sealed record WorkshopOptions
{
    /// <summary>The session id to use; null reuses the one in <see cref="SessionFile"/>, or makes a new one.</summary>
    public string? SessionId { get; init; }

    /// <summary>
    /// Where the session id and the names of the repositories and log groups it created are kept, so several
    /// notebooks share one session; null keeps them in memory only.
    /// </summary>
    public string? SessionFile { get; init; }

    /// <summary>Where waits print a line per change when no <see cref="IProgress{T}"/> is given; null prints nothing.</summary>
    public TextWriter? ProgressOutput { get; init; } = Console.Out;

    /// <summary>How often waits ask again; null = 250 ms against the simulator, 5 s against AWS.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>The clock the waits measure their intervals and time limits on (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Environment variables added to the tools AWS mode builds and pushes with (<c>docker</c>, <c>dotnet</c>); a test
    /// names a Docker engine that is not there (<c>DOCKER_HOST</c>) to see what a machine without one gets.
    /// </summary>
    internal IReadOnlyDictionary<string, string> ToolEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>The region (simulator mode); AWS mode takes it from the profile unless given.</summary>
    public string Region { get; init; } = "ap-northeast-1";

    /// <summary><c>~/.ecs-workshop</c>, where the default session files live.</summary>
    public static string HomeDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ecs-workshop");
}
