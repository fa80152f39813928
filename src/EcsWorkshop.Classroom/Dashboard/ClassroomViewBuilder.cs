using System.Collections.Concurrent;
using EcsWorkshop.Classroom.Activity;
using EcsWorkshop.Classroom.Resources;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Classroom.Dashboard;

/// <summary>
/// Builds the <see cref="ClassroomView"/> from the activity log, the learners' simulations (their resources now) and
/// the error catalogue, judging each learner with the stuck rules at the clock's time. Explanations are remembered per
/// (code, message), at most <see cref="MaxRemembered"/> of them, since the same errors come back every refresh. Lessons
/// are named by their titles (<see cref="LessonTitles"/>).
/// </summary>
public sealed class ClassroomViewBuilder(
    ClassroomActivity activity, IReadOnlyList<LearnerAccount> accounts, TimeProvider time, ErrorCatalogue? catalogue = null, LessonTitles? titles = null)
{
    private readonly LessonTitles _titles = titles ?? LessonTitles.None;
    private readonly Dictionary<string, LearnerAccount> _accounts = accounts.ToDictionary(a => a.Learner.AccountId, StringComparer.Ordinal);
    private readonly ErrorCatalogue _catalogue = catalogue ?? ErrorCatalogue.Default;
    private readonly ConcurrentDictionary<(string Code, string? Message), ErrorExplanation> _explained = new();

    /// <summary>How many distinct errors' explanations are kept between refreshes.</summary>
    public const int MaxRemembered = 512;

    /// <summary>The dashboard as it is now.</summary>
    public ClassroomView Build()
    {
        var now = time.GetUtcNow();
        var rows = activity.Learners().Select(learner => Row(learner, now)).ToList();
        var ordered = rows
            .Select((row, index) => (row, index))
            .OrderBy(r => r.row.Stuck is null ? 1 : 0)
            .ThenBy(r => r.row.Stuck?.Since ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.index)
            .Select(r => r.row)
            .ToList();
        var byLesson = rows.Where(r => r.Lesson is not null)
            .GroupBy(r => r.Lesson!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LessonCount(g.Key, _titles.Of(g.Key), g.Count()))
            .ToList();
        var summary = new ClassroomSummary(rows.Count, rows.Count(r => r.Stuck is not null), rows.Count(r => r.LastActivityAt is null), byLesson);
        return new ClassroomView(now, summary, ordered);
    }

    private LearnerRow Row(LearnerActivity learner, DateTimeOffset now)
    {
        var resources = _accounts.TryGetValue(learner.Learner.AccountId, out var account) ? RunningResources.Of(account.Simulation) : RunningResources.None;
        LastErrorView? error = null;
        if (learner.LastError is { ErrorCode: { } code } call)
        {
            var explained = Explain(code, call.ErrorMessage);
            error = new LastErrorView(call.Service, call.Operation, code, call.ErrorMessage ?? "", explained.Title, !explained.IsFallback, call.At);
        }
        return new LearnerRow(
            learner.Learner.Name, learner.Learner.AccountId, learner.Lesson, learner.Lesson is { } lesson ? _titles.Of(lesson) : null,
            learner.ChecksPassed, learner.ExercisesPassed, learner.LastCheck, resources, error,
            activity.Rules.Judge(learner, now), learner.LastActivityAt);
    }

    private ErrorExplanation Explain(string code, string? message)
    {
        if (_explained.TryGetValue((code, message), out var known)) return known;
        var explained = _catalogue.Explain(code, message);
        if (_explained.Count < MaxRemembered) _explained.TryAdd((code, message), explained);
        return explained;
    }
}
