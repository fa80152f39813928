namespace EcsWorkshop.Simulator.Accounts;

/// <summary>One AWS API call the room answered: whose, which operation, and the error it got (null when it succeeded).</summary>
public sealed record AnsweredCall(
    string AccountId,
    string Service,
    string Operation,
    int Status,
    string? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset At);

/// <summary>
/// What a learner's helper reported through <c>POST /_workshop/progress</c> (signed like every AWS call, so the room
/// knows whose it is): the lesson open now (<c>06-service</c>), and, for a self-check, its name and result;
/// <paramref name="Exercise"/> marks an exercise's own check (<c>workshop.Check("演習 1: …", …)</c>) rather than one of
/// the helper's built-in <c>workshop.Checks</c>.
/// </summary>
public sealed record ProgressReport(
    string AccountId,
    string Lesson,
    string? Check,
    bool? Passed,
    string? Detail,
    DateTimeOffset At,
    bool Exercise = false);

/// <summary>Told of every answered call and every progress report of a classroom (the host's dashboard is one).</summary>
public interface IClassroomObserver
{
    void Answered(AnsweredCall call);

    void Reported(ProgressReport report);
}
