using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Classroom.Activity;

/// <summary>
/// One self-check result a learner's helper reported (the latest one of that check counts); <paramref name="Exercise"/>
/// for an exercise's own check (<c>workshop.Check("演習 1: …", …)</c>).
/// </summary>
public sealed record CheckResult(string Lesson, string Check, bool Passed, DateTimeOffset At, bool Exercise = false);

/// <summary>
/// The same error answered to the same operation, again and again with no success of that operation in between:
/// the code and message of the latest one, and when the latest few (at most <see cref="StuckRules.RepeatCount"/>) came.
/// </summary>
public sealed record ErrorStreak(string Service, string Operation, string ErrorCode, string? ErrorMessage, IReadOnlyList<DateTimeOffset> Times)
{
    /// <summary>How many times in a row (counting only the times kept).</summary>
    public int Count => Times.Count;

    /// <summary>When the latest of them came.</summary>
    public DateTimeOffset Latest => Times[^1];
}

/// <summary>
/// What one learner has done so far, as the room saw it: a consistent snapshot (it never changes under the reader).
/// Null times mean "not yet". <see cref="ChecksPassed"/> counts every self-check passed, the exercises' own among them
/// (<see cref="ExercisesPassed"/>).
/// </summary>
public sealed record LearnerActivity(
    Learner Learner,
    string? Lesson,
    DateTimeOffset? LessonSince,
    int ChecksPassed,
    int ExercisesPassed,
    CheckResult? LastCheck,
    bool FinalLessonPassed,
    AnsweredCall? LastError,
    int Calls,
    int Errors,
    DateTimeOffset? LastCallAt,
    DateTimeOffset? LastReportAt,
    IReadOnlyList<ErrorStreak> Streaks)
{
    /// <summary>When the learner last did anything the room saw (a call or a report), or null when nothing yet.</summary>
    public DateTimeOffset? LastActivityAt =>
        LastCallAt is { } call && LastReportAt is { } report ? (call > report ? call : report) : LastCallAt ?? LastReportAt;

    /// <summary>Whether the learner has done anything yet.</summary>
    public bool HasStarted => LastActivityAt is not null;
}
