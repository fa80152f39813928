using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Classroom.Activity;

/// <summary>
/// One learner's running record, changed under its own lock by the room's request threads and read as a
/// <see cref="LearnerActivity"/> snapshot. Its memory is bounded whatever the learner sends: at most
/// <see cref="MaxChecks"/> self-checks, <see cref="MaxStreaks"/> operations with an error streak, and
/// <paramref name="rules"/>' repeat count of times per streak.
/// </summary>
internal sealed class LearnerLog(Learner learner, StuckRules rules)
{
    /// <summary>How many distinct self-checks (lesson and check name) are remembered; later new ones are not counted.</summary>
    public const int MaxChecks = 256;

    /// <summary>How many operations' error streaks are remembered; the one that erred longest ago is forgotten first.</summary>
    public const int MaxStreaks = 16;

    /// <summary>How long a lesson name or check name may be before it is cut (a report is the learner's own text).</summary>
    public const int MaxNameLength = 80;

    private readonly object _gate = new();
    private readonly Dictionary<(string Lesson, string Check), (bool Passed, bool Exercise)> _checks = [];
    private readonly Dictionary<(string Service, string Operation), ErrorStreak> _streaks = [];
    private int _passed;
    private int _exercisesPassed;
    private string? _lesson;
    private DateTimeOffset? _lessonSince;
    private CheckResult? _lastCheck;
    private bool _finalPassed;
    private AnsweredCall? _lastError;
    private int _calls;
    private int _errors;
    private DateTimeOffset? _lastCallAt;
    private DateTimeOffset? _lastReportAt;
    private LearnerActivity? _snapshot;

    public Learner Learner { get; } = learner;

    public void Answered(AnsweredCall call)
    {
        lock (_gate)
        {
            _snapshot = null;
            _calls++;
            if (_lastCallAt is null || call.At > _lastCallAt) _lastCallAt = call.At;
            var key = (call.Service, call.Operation);
            if (call.ErrorCode is null)
            {
                _streaks.Remove(key);
                return;
            }
            _errors++;
            _lastError = call;
            var times = _streaks.TryGetValue(key, out var streak) && streak.ErrorCode == call.ErrorCode
                ? streak.Times.Skip(Math.Max(0, streak.Count - rules.RepeatCount + 1)).Append(call.At).ToArray()
                : [call.At];
            if (!_streaks.ContainsKey(key) && _streaks.Count >= MaxStreaks)
                _streaks.Remove(_streaks.MinBy(s => s.Value.Latest).Key);
            _streaks[key] = new ErrorStreak(call.Service, call.Operation, call.ErrorCode, Cut(call.ErrorMessage, 1000), times);
        }
    }

    public void Reported(ProgressReport report)
    {
        var lesson = Cut(report.Lesson, MaxNameLength)!;
        lock (_gate)
        {
            _snapshot = null;
            if (_lastReportAt is null || report.At > _lastReportAt) _lastReportAt = report.At;
            if (lesson != _lesson)
            {
                _lesson = lesson;
                _lessonSince = report.At;
            }
            if (report.Check is not { Length: > 0 } check || report.Passed is not { } passed) return;
            var key = (lesson, Cut(check, MaxNameLength)!);
            var known = _checks.TryGetValue(key, out var before);
            if (!known && _checks.Count >= MaxChecks) return;
            _checks[key] = (passed, report.Exercise);
            _passed += (passed ? 1 : 0) - (known && before.Passed ? 1 : 0);
            _exercisesPassed += (passed && report.Exercise ? 1 : 0) - (known && before.Passed && before.Exercise ? 1 : 0);
            _lastCheck = new CheckResult(key.Item1, key.Item2, passed, report.At, report.Exercise);
            _finalPassed = _checks.Any(c => c.Value.Passed && c.Key.Lesson == rules.FinalLesson);
        }
    }

    public LearnerActivity Snapshot()
    {
        lock (_gate)
        {
            return _snapshot ??= new LearnerActivity(
                Learner, _lesson, _lessonSince, _passed, _exercisesPassed, _lastCheck, _finalPassed, _lastError, _calls, _errors, _lastCallAt, _lastReportAt,
                [.. _streaks.Values]);
        }
    }

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
