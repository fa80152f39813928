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

    /// <summary>
    /// Where waits print a line per change when no <see cref="IProgress{T}"/> is given; null prints nothing. The
    /// default writes to <see cref="Console.Out"/> as it is at each line (a notebook kernel changes it per cell).
    /// </summary>
    public TextWriter? ProgressOutput { get; init; } = Waiting.CurrentConsole.Out;

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

    /// <summary>
    /// How images are built: <see cref="ImageBuilderChoice.Auto"/> (the default) uses Docker when the simulator runs
    /// tasks on Docker (in AWS mode: when an engine answers), else the workshop's Docker-free builder.
    /// </summary>
    public ImageBuilderChoice ImageBuilder { get; init; } = ImageBuilderChoice.Auto;

    /// <summary>Where the Docker engine is asked for; null = <c>DOCKER_HOST</c>, else the default socket.</summary>
    public Uri? DockerEndpoint { get; init; }

    /// <summary>
    /// Labels put on every image this session builds with a Docker engine (tests and <c>workshop run</c> mark theirs,
    /// to remove them after); by default those named by <see cref="DockerLabelsVariable"/>, else none.
    /// </summary>
    public IReadOnlyDictionary<string, string> DockerLabels { get; init; } = LabelsFrom(Environment.GetEnvironmentVariable(DockerLabelsVariable));

    /// <summary>
    /// The environment variable <c>workshop run</c> sets for the lessons it runs: <c>key=value</c> labels,
    /// comma-separated, for every image they build (the lessons runner names it too, as <c>LessonSetup.DockerLabelsVariable</c>).
    /// </summary>
    public const string DockerLabelsVariable = "ECS_WORKSHOP_DOCKER_LABELS";

    /// <summary>Labels from <c>key=value,key2=value2</c> (an item without <c>=</c> is a label with an empty value).</summary>
    public static IReadOnlyDictionary<string, string> LabelsFrom(string? text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            labels[equals < 0 ? item : item[..equals]] = equals < 0 ? "" : item[(equals + 1)..];
        }
        return labels;
    }

    /// <summary><c>~/.ecs-workshop</c>, where the default session files live.</summary>
    public static string HomeDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ecs-workshop");
}

/// <summary>Which builder <see cref="Workshop.BuildImageAsync"/> uses.</summary>
public enum ImageBuilderChoice
{
    /// <summary>Docker when the tasks run on Docker (AWS mode: when an engine answers), else the workshop's builder.</summary>
    Auto,

    /// <summary>Always a Docker engine (<c>docker build</c> through the Engine API).</summary>
    Docker,

    /// <summary>Always the workshop's Docker-free builder (simulator mode).</summary>
    Workshop,
}
