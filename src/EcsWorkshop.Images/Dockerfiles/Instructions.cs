using System.Collections.Immutable;
using EcsWorkshop.Images.Oci;

namespace EcsWorkshop.Images.Dockerfiles;

/// <summary>
/// One Dockerfile instruction after parsing, with build arguments and environment variables already substituted.
/// <see cref="Line"/> is the line it starts on; <see cref="Text"/> is the instruction as written (continuations
/// joined), which the image history records.
/// </summary>
public abstract record Instruction(int Line, string Text);

/// <summary><c>FROM [--platform=…] image [AS name]</c>: starts a build stage.</summary>
public sealed record FromInstruction(int Line, string Text, string Image, string? StageName, Platform? Platform) : Instruction(Line, Text)
{
    /// <summary>True for <c>FROM scratch</c>, an image with no files at all.</summary>
    public bool IsScratch => Image.Equals("scratch", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Who owns copied files: a user and a group, as numbers or names (names are looked up in the base image).</summary>
public sealed record OwnerSpec(string User, string? Group)
{
    public override string ToString() => Group is null ? User : $"{User}:{Group}";
}

/// <summary><c>COPY</c> or <c>ADD</c> of files from the build context.</summary>
public sealed record CopyInstruction(
    int Line, string Text, bool IsAdd, ImmutableArray<string> Sources, string Destination, OwnerSpec? Chown, UnixFileMode? Chmod)
    : Instruction(Line, Text);

/// <summary><c>ENV</c>: environment variables of the image (and of later instructions).</summary>
public sealed record EnvInstruction(int Line, string Text, ImmutableArray<KeyValuePair<string, string>> Variables) : Instruction(Line, Text);

/// <summary><c>LABEL</c>: metadata of the image.</summary>
public sealed record LabelInstruction(int Line, string Text, ImmutableArray<KeyValuePair<string, string>> Labels) : Instruction(Line, Text);

/// <summary><c>ARG</c>: a build argument and the value it has in this build (null when declared without one).</summary>
public sealed record ArgInstruction(int Line, string Text, string Name, string? Value) : Instruction(Line, Text);

/// <summary><c>WORKDIR</c>: the working directory (relative paths are relative to the previous one).</summary>
public sealed record WorkdirInstruction(int Line, string Text, string Path) : Instruction(Line, Text);

/// <summary><c>EXPOSE</c>: ports the container listens on, as <c>80/tcp</c>.</summary>
public sealed record ExposeInstruction(int Line, string Text, ImmutableArray<string> Ports) : Instruction(Line, Text);

/// <summary><c>USER</c>: the user (and group) the container runs as.</summary>
public sealed record UserInstruction(int Line, string Text, string User) : Instruction(Line, Text);

/// <summary><c>CMD</c>: the default command; a shell form is already wrapped in the shell, <c>["/bin/sh","-c",…]</c>.</summary>
public sealed record CmdInstruction(int Line, string Text, ImmutableArray<string> Command, bool ShellForm) : Instruction(Line, Text);

/// <summary><c>ENTRYPOINT</c>: the executable; a shell form is already wrapped in the shell.</summary>
public sealed record EntrypointInstruction(int Line, string Text, ImmutableArray<string> Command, bool ShellForm) : Instruction(Line, Text);

/// <summary><c>HEALTHCHECK</c>: how to check the container is healthy (<c>["NONE"]</c> turns an inherited check off).</summary>
public sealed record HealthcheckInstruction(int Line, string Text, HealthCheck Check) : Instruction(Line, Text);

/// <summary><c>VOLUME</c>: mount points for external volumes.</summary>
public sealed record VolumeInstruction(int Line, string Text, ImmutableArray<string> Paths) : Instruction(Line, Text);

/// <summary><c>STOPSIGNAL</c>: the signal that stops the container.</summary>
public sealed record StopSignalInstruction(int Line, string Text, string Signal) : Instruction(Line, Text);

/// <summary><c>SHELL</c>: the shell that wraps later shell-form <c>CMD</c> and <c>ENTRYPOINT</c> instructions.</summary>
public sealed record ShellInstruction(int Line, string Text, ImmutableArray<string> Shell) : Instruction(Line, Text);

/// <summary><c>MAINTAINER</c> (deprecated): the image's author.</summary>
public sealed record MaintainerInstruction(int Line, string Text, string Author) : Instruction(Line, Text);
