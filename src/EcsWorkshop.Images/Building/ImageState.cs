using System.Collections.Immutable;
using EcsWorkshop.Images.Oci;

namespace EcsWorkshop.Images.Building;

/// <summary>The image of a build stage as its instructions change it: container defaults, layers and history.</summary>
internal sealed class ImageState
{
    /// <summary>The PATH docker gives Linux images that do not set one.</summary>
    public const string DefaultPath = "PATH=" + Dockerfiles.DockerfileParser.DefaultPath;

    public required Platform Platform { get; set; }
    public required BaseImageInfo Base { get; init; }
    public string? Author { get; set; }
    public List<string> Env { get; init; } = [];
    public string? User { get; set; }
    public SortedSet<string> ExposedPorts { get; init; } = new(StringComparer.Ordinal);
    public ImmutableArray<string>? Entrypoint { get; set; }
    public ImmutableArray<string>? Cmd { get; set; }
    public HealthCheck? Healthcheck { get; set; }
    public SortedSet<string> Volumes { get; init; } = new(StringComparer.Ordinal);
    public string? WorkingDir { get; set; }
    public SortedDictionary<string, string> Labels { get; init; } = new(StringComparer.Ordinal);
    public string? StopSignal { get; set; }
    public List<LayerBlob> Layers { get; init; } = [];
    public List<HistoryEntry> History { get; init; } = [];

    /// <summary>True once the stage set CMD (so a later ENTRYPOINT keeps it).</summary>
    public bool CmdSet { get; set; }

    /// <summary>An image with nothing in it yet.</summary>
    public static ImageState Empty(Platform platform, BaseImageInfo baseImage) => new() { Platform = platform, Base = baseImage };

    /// <summary>The state of an existing image, to build on.</summary>
    public static ImageState From(ImageConfiguration config, IEnumerable<LayerBlob> layers, BaseImageInfo baseImage)
    {
        var c = config.Config;
        return new ImageState
        {
            Platform = config.Platform,
            Base = baseImage,
            Author = config.Author,
            Env = [.. c.Env ?? []],
            User = c.User,
            ExposedPorts = new(c.ExposedPorts ?? [], StringComparer.Ordinal),
            Entrypoint = c.Entrypoint,
            Cmd = c.Cmd,
            Healthcheck = c.Healthcheck,
            Volumes = new(c.Volumes ?? [], StringComparer.Ordinal),
            WorkingDir = c.WorkingDir,
            Labels = new(c.Labels ?? ImmutableSortedDictionary<string, string>.Empty, StringComparer.Ordinal),
            StopSignal = c.StopSignal,
            Layers = [.. layers],
            History = [.. config.History],
        };
    }

    /// <summary>A copy for a later stage that builds <c>FROM</c> this one.</summary>
    public ImageState CopyForStage() => new()
    {
        Platform = Platform,
        Base = Base,
        Author = Author,
        Env = [.. Env],
        User = User,
        ExposedPorts = new(ExposedPorts, StringComparer.Ordinal),
        Entrypoint = Entrypoint,
        Cmd = Cmd,
        Healthcheck = Healthcheck,
        Volumes = new(Volumes, StringComparer.Ordinal),
        WorkingDir = WorkingDir,
        Labels = new(Labels, StringComparer.Ordinal),
        StopSignal = StopSignal,
        Layers = [.. Layers],
        History = [.. History],
    };

    /// <summary>Sets an environment variable, keeping its place when it already exists.</summary>
    public void SetEnv(string name, string value)
    {
        var index = Env.FindIndex(e => e.Split('=', 2)[0] == name);
        if (index >= 0) Env[index] = $"{name}={value}";
        else Env.Add($"{name}={value}");
    }

    /// <summary>Adds docker's default PATH when the image has none.</summary>
    public void EnsurePath()
    {
        if (!Env.Any(e => e.StartsWith("PATH=", StringComparison.Ordinal))) Env.Insert(0, DefaultPath);
    }

    /// <summary>The OCI image configuration of this state.</summary>
    public ImageConfiguration ToConfiguration() => new()
    {
        Author = Author,
        Architecture = Platform.Architecture,
        Os = Platform.Os,
        Variant = Platform.Variant,
        Config = new ContainerConfig
        {
            User = string.IsNullOrEmpty(User) ? null : User,
            ExposedPorts = ExposedPorts.Count == 0 ? null : ImmutableSortedSet.CreateRange(StringComparer.Ordinal, ExposedPorts),
            Env = Env.Count == 0 ? null : [.. Env],
            Entrypoint = Entrypoint,
            Cmd = Cmd,
            Healthcheck = Healthcheck,
            Volumes = Volumes.Count == 0 ? null : ImmutableSortedSet.CreateRange(StringComparer.Ordinal, Volumes),
            WorkingDir = string.IsNullOrEmpty(WorkingDir) ? null : WorkingDir,
            Labels = Labels.Count == 0 ? null : Labels.ToImmutableSortedDictionary(StringComparer.Ordinal),
            StopSignal = StopSignal,
        },
        RootFs = new RootFs { DiffIds = [.. Layers.Select(l => l.DiffId.ToString())] },
        History = [.. History],
    };
}
