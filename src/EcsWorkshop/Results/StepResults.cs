using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Results;

/// <summary>Builds what a step returns: its Japanese title, value and note, and its AWS CLI twin aimed at the session's target.</summary>
internal sealed class StepResults(CliTarget target)
{
    /// <summary>Where the AWS CLI twins point: the simulator (<c>--endpoint-url</c>) or AWS.</summary>
    public CliTarget Target => target;

    public StepResult<T> Of<T>(string title, T value, AwsCliCommand? command, string? note, params ExplanationTopic[] seeAlso) =>
        new()
        {
            Title = title,
            Value = value,
            Command = command,
            Target = target,
            Note = note,
            SeeAlso = [.. seeAlso],
        };

    /// <summary>A command line of the CLI twin, as the learner would type it against the session's target.</summary>
    public string CommandLine(AwsCliCommand command) => command.ToCommandLine(target);
}
