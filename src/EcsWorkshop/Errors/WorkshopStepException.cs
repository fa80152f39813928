using EcsWorkshop.Aws;
using EcsWorkshop.Display.Errors;

namespace EcsWorkshop.Errors;

/// <summary>
/// A step failed. <see cref="Exception.Message"/> is the Japanese explanation (what went wrong and how to fix it);
/// <see cref="Explanation"/> is the full explanation (shown as a card when displayed in a notebook), and the
/// original <see cref="AwsServiceException"/>, when AWS refused, is the inner exception.
/// </summary>
public sealed class WorkshopStepException : Exception
{
    /// <summary>A step error explained by <paramref name="explanation"/>.</summary>
    public WorkshopStepException(string step, ErrorExplanation explanation, Exception? inner = null)
        : base(MessageOf(explanation), inner)
    {
        Step = step;
        Explanation = explanation;
    }

    /// <summary>The step that failed, in Japanese (<c>タスク定義の登録</c>).</summary>
    public string Step { get; }

    /// <summary>The Japanese explanation: title, what happened, why, the fix, the original message.</summary>
    public ErrorExplanation Explanation { get; }

    /// <summary>The AWS error, when AWS (or the simulator) refused the request.</summary>
    public AwsServiceException? AwsError => InnerException as AwsServiceException;

    /// <summary>An AWS error explained from the error catalogue.</summary>
    public static WorkshopStepException FromAws(string step, AwsServiceException error) =>
        new(step, ErrorCatalogue.Default.Explain(error.ErrorCode, error.ErrorMessage), error);

    /// <summary>A problem the workshop itself found (not an AWS error), explained in Japanese.</summary>
    public static WorkshopStepException Workshop(string step, string code, string title, string happened, string why, string fix, string original, Exception? inner = null) =>
        new(step, new ErrorExplanation
        {
            Code = code,
            Message = original,
            Title = Display.Formatting.JapaneseText.From(title),
            WhatHappened = Display.Formatting.JapaneseText.From(happened),
            Why = Display.Formatting.JapaneseText.From(why),
            Fix = Display.Formatting.JapaneseText.From(fix),
        }, inner);

    private static string MessageOf(ErrorExplanation explanation) =>
        $"{explanation.Title}\n{explanation.WhatHappened}\n直し方: {explanation.Fix}";
}
