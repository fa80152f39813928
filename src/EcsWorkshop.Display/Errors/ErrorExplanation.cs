using System.Collections.Immutable;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Errors;

/// <summary>
/// An AWS error (or a task's stop reason) explained in Japanese: what happened, why, and the fix — with the
/// original code and message kept as they came, so nothing is hidden from the learner.
/// </summary>
public sealed record ErrorExplanation
{
    /// <summary>The error code as received (<c>ClientException</c>), or the stop code.</summary>
    public required string Code { get; init; }

    /// <summary>The original message, unchanged.</summary>
    public required string Message { get; init; }

    /// <summary>The catalogue entry that matched, or null when the generic fallback was used.</summary>
    public string? EntryId { get; init; }

    /// <summary>Where the error comes from, when an entry matched.</summary>
    public ErrorSource? Source { get; init; }

    /// <summary>A one-line summary.</summary>
    public required JapaneseText Title { get; init; }

    /// <summary>What happened.</summary>
    public required JapaneseText WhatHappened { get; init; }

    /// <summary>Why.</summary>
    public required JapaneseText Why { get; init; }

    /// <summary>What to change.</summary>
    public required JapaneseText Fix { get; init; }

    /// <summary>The explanation to read for background, or null.</summary>
    public ExplanationTopic? Topic { get; init; }

    /// <summary>The AWS pages (English addresses) the explanation follows; <see cref="AwsPages.Japanese"/> gives the Japanese page.</summary>
    public ImmutableArray<Uri> Pages { get; init; } = [];

    /// <summary>For a service event: the cause is in the stopped tasks, whose reasons say more (see <see cref="ErrorEntry.CauseIsInStoppedTasks"/>).</summary>
    public bool CauseIsInStoppedTasks { get; init; }

    /// <summary>For a container's <c>reason</c>: the container it was read from, else null.</summary>
    public string? Container { get; init; }

    /// <summary>For an invalid Fargate size: the size table with the refused pair highlighted.</summary>
    public FargateSizeTable? SizeTable { get; init; }

    /// <summary>True when no specific entry matched and only the generic explanation is shown.</summary>
    public bool IsFallback => EntryId is null;
}
