using System.Collections.Immutable;

namespace EcsWorkshop.Images.Dockerfiles;

/// <summary>
/// A parsed Dockerfile: the build arguments declared before the first <c>FROM</c> and the build stages. Build
/// arguments and variables are already substituted, so a Dockerfile is parsed for one build's arguments.
/// </summary>
public sealed record Dockerfile(ImmutableArray<ArgInstruction> GlobalArgs, ImmutableArray<BuildStage> Stages)
{
    /// <summary>Parses Dockerfile text; throws <see cref="DockerfileException"/> naming the line of any problem.</summary>
    public static Dockerfile Parse(string text, DockerfileParseOptions? options = null) =>
        new DockerfileParser(options ?? new DockerfileParseOptions()).Parse(text);

    /// <summary>Reads and parses a Dockerfile.</summary>
    public static Dockerfile Load(string path, DockerfileParseOptions? options = null) =>
        Parse(File.ReadAllText(path), options);

    /// <summary>The stage a build produces: the named target, or the last stage.</summary>
    public BuildStage TargetStage(string? target = null)
    {
        if (target is null) return Stages[^1];
        return Stages.FirstOrDefault(s => string.Equals(s.Name, target, StringComparison.OrdinalIgnoreCase))
            ?? throw new DockerfileException(0, "FROM", DockerfileErrorKind.Syntax,
                $"The build target '{target}' is not a stage of this Dockerfile (stages: {string.Join(", ", Stages.Select(s => s.Name ?? s.Index.ToString()))}).",
                $"ビルドターゲット '{target}' という名前のステージは、この Dockerfile にありません。");
    }
}

/// <summary>A build stage: a <c>FROM</c>, the platform it builds for, and the instructions that follow it, in order.</summary>
public sealed record BuildStage(int Index, FromInstruction From, Platform Platform, ImmutableArray<Instruction> Instructions)
{
    /// <summary>The stage's name from <c>FROM … AS name</c>, lower case, or null.</summary>
    public string? Name => From.StageName;

    /// <summary>The index of the earlier stage this one builds on (<c>FROM name</c>), or null for an image.</summary>
    public int? ParentStage { get; init; }
}

/// <summary>What a Dockerfile is parsed with.</summary>
public sealed record DockerfileParseOptions
{
    /// <summary><c>--build-arg NAME=VALUE</c> overrides.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The platform built for (<c>TARGETPLATFORM</c>) unless a <c>FROM --platform</c> says otherwise.</summary>
    public Platform TargetPlatform { get; init; } = Platform.LinuxAmd64;

    /// <summary>
    /// The environment (<c>NAME=value</c>) of a base image, when it is known, so that later instructions can use its
    /// variables as docker does; null or a null result means unknown (a stand-in base).
    /// </summary>
    public Func<string, Platform, IReadOnlyList<string>?>? BaseImageEnvironment { get; init; }
}
