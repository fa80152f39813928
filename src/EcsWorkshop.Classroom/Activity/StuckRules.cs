namespace EcsWorkshop.Classroom.Activity;

/// <summary>Why a learner looks stuck.</summary>
public enum StuckKind
{
    /// <summary>The same error on the same operation came <see cref="StuckRules.RepeatCount"/> times within <see cref="StuckRules.RepeatWindow"/>.</summary>
    RepeatedError,

    /// <summary>No call and no progress report for <see cref="StuckRules.StallAfter"/> while the workbook is not finished.</summary>
    Stalled,
}

/// <summary>A learner's stuck mark: why, since when, and (for a repeated error) which one and how often.</summary>
public sealed record Stuck(StuckKind Kind, DateTimeOffset Since, ErrorStreak? Streak = null);

/// <summary>
/// When a learner is marked stuck. A repeated error: the same error code on the same operation
/// <see cref="RepeatCount"/> times, the first and last of them at most <see cref="RepeatWindow"/> apart, with no success
/// of that operation since; the mark holds until that operation succeeds, another error replaces it, or
/// <see cref="StallAfter"/> passes (then the stall rule speaks). A stall: the learner has started, has not passed a
/// self-check of <see cref="FinalLesson"/>, and made no call and sent no report for <see cref="StallAfter"/>.
/// </summary>
public sealed record StuckRules
{
    /// <summary>The rules the dashboard uses unless told otherwise: 3 times within 5 minutes; 10 minutes of silence.</summary>
    public static StuckRules Default { get; } = new();

    /// <summary>How many times the same error must come.</summary>
    public int RepeatCount { get; init; } = 3;

    /// <summary>How close together they must come.</summary>
    public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long without a call or a report counts as a stall.</summary>
    public TimeSpan StallAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The workbook's last lesson: a passed self-check in it means the learner is done (never stalled).</summary>
    public string FinalLesson { get; init; } = "09-cleanup";

    /// <summary>The learner's stuck mark at <paramref name="now"/>, or null when they are not stuck.</summary>
    public Stuck? Judge(LearnerActivity learner, DateTimeOffset now)
    {
        ErrorStreak? repeated = null;
        foreach (var streak in learner.Streaks)
        {
            if (streak.Count < RepeatCount) continue;
            var first = streak.Times[^RepeatCount];
            if (streak.Latest - first > RepeatWindow || now - streak.Latest >= StallAfter) continue;
            if (repeated is null || streak.Latest > repeated.Latest) repeated = streak;
        }
        if (repeated is not null) return new Stuck(StuckKind.RepeatedError, repeated.Times[^RepeatCount], repeated);
        if (learner.FinalLessonPassed || learner.LastActivityAt is not { } last) return null;
        return now - last >= StallAfter ? new Stuck(StuckKind.Stalled, last) : null;
    }
}
