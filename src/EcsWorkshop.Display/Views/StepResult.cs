using System.Collections.Immutable;
using EcsWorkshop.Display.Explanations;

namespace EcsWorkshop.Display.Views;

/// <summary>What every step result shows, whatever its value's type (the formatters work on this).</summary>
public interface IStepResult
{
    /// <summary>What the step did, in Japanese (<c>クラスターを作成しました</c>).</summary>
    string Title { get; }

    /// <summary>What the step produced (a view, a list of views, or any value).</summary>
    object? Value { get; }

    /// <summary>The AWS CLI command that does the same, or null when there is none.</summary>
    AwsCliCommand? Command { get; }

    /// <summary>Where the command should go: the simulator (with <c>--endpoint-url</c>) or real AWS (without).</summary>
    CliTarget Target { get; }

    /// <summary>A short Japanese note on what to look at in the result (<c>`code`</c> in backticks), or null.</summary>
    string? Note { get; }

    /// <summary>Explanations worth reading next to the result.</summary>
    ImmutableArray<ExplanationTopic> SeeAlso { get; }
}

/// <summary>
/// The outcome of one hands-on step: what was done, the value it produced, the equivalent AWS CLI command for the
/// mode the workbook runs in, and what to look at.
/// </summary>
/// <typeparam name="T">The value's type: a view (<see cref="ClusterView"/> …), a list of views, or anything.</typeparam>
public sealed record StepResult<T> : IStepResult
{
    /// <inheritdoc/>
    public required string Title { get; init; }

    /// <summary>What the step produced.</summary>
    public required T Value { get; init; }

    /// <inheritdoc/>
    public AwsCliCommand? Command { get; init; }

    /// <inheritdoc/>
    public CliTarget Target { get; init; } = CliTarget.Aws();

    /// <inheritdoc/>
    public string? Note { get; init; }

    /// <inheritdoc/>
    public ImmutableArray<ExplanationTopic> SeeAlso { get; init; } = [];

    object? IStepResult.Value => Value;

    /// <summary>The CLI command as the learner should copy it, or null.</summary>
    public string? CommandLine => Command?.ToDisplayCommand(Target);
}

/// <summary>Shortcuts for building step results.</summary>
public static class StepResult
{
    /// <summary>A result with its value, title and (optionally) the command and target.</summary>
    public static StepResult<T> Of<T>(string title, T value, AwsCliCommand? command = null, CliTarget? target = null, string? note = null) =>
        new() { Title = title, Value = value, Command = command, Target = target ?? CliTarget.Aws(), Note = note };
}
