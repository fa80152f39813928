using System.Collections.Immutable;

namespace EcsWorkshop.Display.Views;

/// <summary>Log lines from CloudWatch Logs (GetLogEvents for one stream, or FilterLogEvents across a group).</summary>
public sealed record LogLinesView
{
    /// <summary>The log group.</summary>
    public required string LogGroup { get; init; }

    /// <summary>The log stream when all lines come from one (<c>PREFIX/CONTAINER/TASK-ID</c>), else null.</summary>
    public string? LogStream { get; init; }

    /// <summary>The lines, oldest first.</summary>
    public ImmutableArray<LogLineView> Lines { get; init; } = [];
}

/// <summary>One log event: when, what, and the stream it came from when lines are from several streams.</summary>
public sealed record LogLineView(DateTimeOffset Timestamp, string Message, string? LogStream = null);
