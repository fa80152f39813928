using System.Collections.Immutable;
using System.Text.RegularExpressions;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Errors;

/// <summary>Which side an error comes from.</summary>
public enum ErrorSource
{
    /// <summary>The Amazon ECS API.</summary>
    Ecs,

    /// <summary>The Amazon ECR API.</summary>
    Ecr,

    /// <summary>The CloudWatch Logs API.</summary>
    Logs,

    /// <summary>The image registry (OCI distribution protocol: docker, skopeo, dotnet publish).</summary>
    Registry,

    /// <summary>Any AWS service: credentials, signing, permissions, throttling, the wire protocol.</summary>
    Aws,

    /// <summary>A task's stop code and stopped reason, or a container's reason (not an API error: the task stopped).</summary>
    Task,

    /// <summary>A service event message (<c>describe-services</c> → <c>events</c>) or a deployment's rollout reason.</summary>
    ServiceEvent,

    /// <summary>A <c>failures[]</c> reason of a call that answers per item (RunTask, StartTask, Describe*, task protection).</summary>
    Failure,
}

/// <summary>
/// One entry of the error catalogue: the error codes it covers, the message pattern that tells this situation
/// apart from others under the same code (null = any message of the code), and the Japanese explanation as
/// templates. A template marks code with <c>`backticks`</c> and takes named groups of the pattern as <c>{name}</c>.
/// </summary>
public sealed record ErrorEntry
{
    /// <summary>A stable name for the entry (<c>fargate-size</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Where the error comes from.</summary>
    public required ErrorSource Source { get; init; }

    /// <summary>The error codes (or stop codes) the entry covers, as AWS writes them.</summary>
    public required ImmutableArray<string> Codes { get; init; }

    /// <summary>The message pattern, or null when the code alone says what happened.</summary>
    public Regex? Message { get; init; }

    /// <summary>A one-line summary.</summary>
    public required string Title { get; init; }

    /// <summary>What happened.</summary>
    public required string WhatHappened { get; init; }

    /// <summary>Why AWS refuses or why the task stopped: the rule behind it.</summary>
    public required string Why { get; init; }

    /// <summary>What to change, naming the concrete parameter.</summary>
    public required string Fix { get; init; }

    /// <summary>The explanation to read for background, or null.</summary>
    public ExplanationTopic? Topic { get; init; }

    /// <summary>The AWS pages (English addresses) whose cause and fix this entry gives; empty for the workshop's own errors.</summary>
    public ImmutableArray<Uri> Pages { get; init; } = [];

    /// <summary>
    /// A task-level reason that only says a container stopped (<c>Essential container in task exited</c>): a container's
    /// own <c>reason</c> that an entry explains (<c>OutOfMemoryError</c>) says more and is shown instead.
    /// </summary>
    public bool DefersToContainerReason { get; init; }

    /// <summary>
    /// A service event whose cause is in the tasks (<c>deployment failed: tasks failed to start</c>): the stopped
    /// tasks' reasons say more than the event.
    /// </summary>
    public bool CauseIsInStoppedTasks { get; init; }

    /// <summary>Builds the Fargate size table for this message (from its <c>cpu</c> and <c>memory</c> groups), or null.</summary>
    internal Func<Match, FargateSizeTable?>? SizeTable { get; init; }

    /// <summary>
    /// The match when the entry covers <paramref name="code"/> (compared as <see cref="ErrorCatalogue.SameCode"/>)
    /// and <paramref name="message"/>; <see cref="Match.Empty"/> for a code-only entry; null when it does not apply.
    /// </summary>
    public Match? TryMatch(string code, string message)
    {
        if (!Codes.Any(c => ErrorCatalogue.SameCode(c, code))) return null;
        if (Message is null) return Match.Empty;
        var match = Message.Match(message);
        return match.Success ? match : null;
    }
}
