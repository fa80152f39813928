using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Classroom.Activity;

/// <summary>
/// The room's activity log, as the host's dashboard reads it: told of every answered call and progress report (the
/// <see cref="IClassroomObserver"/> of a classroom), it keeps one bounded <see cref="LearnerLog"/> per learner of the
/// roster — accounts not on the roster are ignored — and hands out consistent snapshots. Cheap on the request path:
/// a dictionary look-up and a few assignments under the learner's own lock.
/// </summary>
public sealed class ClassroomActivity : IClassroomObserver
{
    private readonly Dictionary<string, LearnerLog> _byAccount;
    private readonly LearnerLog[] _inRosterOrder;
    private long _version;

    /// <summary>An empty log for the learners of <paramref name="roster"/>, judged by <paramref name="rules"/>.</summary>
    public ClassroomActivity(Roster roster, StuckRules? rules = null)
    {
        Rules = rules ?? StuckRules.Default;
        _inRosterOrder = [.. roster.Learners.Select(l => new LearnerLog(l, Rules))];
        _byAccount = _inRosterOrder.ToDictionary(l => l.Learner.AccountId, StringComparer.Ordinal);
    }

    /// <summary>The stuck rules the log keeps enough history for.</summary>
    public StuckRules Rules { get; }

    /// <summary>Goes up by one with every call or report recorded (a reader can tell whether anything changed).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <inheritdoc />
    public void Answered(AnsweredCall call)
    {
        if (!_byAccount.TryGetValue(call.AccountId, out var log)) return;
        log.Answered(call);
        Interlocked.Increment(ref _version);
    }

    /// <inheritdoc />
    public void Reported(ProgressReport report)
    {
        if (!_byAccount.TryGetValue(report.AccountId, out var log)) return;
        log.Reported(report);
        Interlocked.Increment(ref _version);
    }

    /// <summary>Every learner's activity, in the roster's order.</summary>
    public IReadOnlyList<LearnerActivity> Learners() => [.. _inRosterOrder.Select(l => l.Snapshot())];

    /// <summary>The activity of the learner with <paramref name="accountId"/>, or null when no learner of the roster has it.</summary>
    public LearnerActivity? Of(string accountId) => _byAccount.GetValueOrDefault(accountId)?.Snapshot();
}
