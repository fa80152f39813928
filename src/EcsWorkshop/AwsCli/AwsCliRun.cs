using System.Collections.Immutable;

namespace EcsWorkshop.AwsCli;

/// <summary>One run of the real AWS CLI: what was run, by which CLI, and what it answered.</summary>
public sealed record AwsCliRun
{
    /// <summary>The command as the learner wrote it.</summary>
    public required string CommandLine { get; init; }

    /// <summary>The words the CLI was started with (the program first), the simulator's endpoint included.</summary>
    public required ImmutableArray<string> Arguments { get; init; }

    /// <summary>What <c>aws --version</c> printed (<c>aws-cli/2.… Python/…</c>).</summary>
    public required string CliVersion { get; init; }

    /// <summary>The CLI's exit code: 0 when the call succeeded, 254 when AWS (or the simulator) answered an error.</summary>
    public required int ExitCode { get; init; }

    /// <summary>What the CLI printed on standard output (JSON for most calls).</summary>
    public required string Output { get; init; }

    /// <summary>What the CLI printed on standard error (the error message when it failed).</summary>
    public required string Error { get; init; }

    /// <summary>The ARNs of what the call created that the helper tagged with the session's tags (so cleanup finds them).</summary>
    public ImmutableArray<string> Tagged { get; init; } = [];

    /// <summary>Whether the CLI exited with 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
