namespace EcsWorkshop.Images.Dockerfiles;

/// <summary>What kind of problem a <see cref="DockerfileException"/> reports.</summary>
public enum DockerfileErrorKind
{
    /// <summary>The Dockerfile is not valid (docker would refuse it too).</summary>
    Syntax,

    /// <summary>The instruction needs a running container (or the network), which a build without Docker does not have.</summary>
    NeedsContainer,

    /// <summary>The instruction is valid but something the build without Docker does not do.</summary>
    NotSupported,

    /// <summary>The build failed on the build context (a missing file, an unknown user).</summary>
    Build,
}

/// <summary>
/// A Dockerfile that cannot be built here: the line and instruction, an English message for developers
/// (<see cref="Exception.Message"/>) and a Japanese one for learners (<see cref="JapaneseMessage"/>), both saying
/// what went wrong and what to do instead.
/// </summary>
public sealed class DockerfileException(int line, string instruction, DockerfileErrorKind kind, string message, string japaneseMessage)
    : Exception(message)
{
    /// <summary>The 1-based line the instruction starts on (0 when the problem is not on one line).</summary>
    public int Line { get; } = line;

    /// <summary>The instruction's keyword, <c>RUN</c>.</summary>
    public string Instruction { get; } = instruction;

    /// <summary>What kind of problem this is.</summary>
    public DockerfileErrorKind Kind { get; } = kind;

    /// <summary>The message in Japanese, for learners.</summary>
    public string JapaneseMessage { get; } = japaneseMessage;
}
