using EcsWorkshop.Classroom.Activity;
using EcsWorkshop.Classroom.Tests.Support;

namespace EcsWorkshop.Classroom.Tests.Activity;

/// <summary>The "lesson stalls" stuck rule: no call and no progress report for ten minutes while not finished.</summary>
public sealed class StallTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Room.Clock();
    private readonly ClassroomActivity _activity = new(Room.TwoLearners);
    private readonly LearnerWorld _sato;

    public StallTests() => _sato = new LearnerWorld(Room.Sato, _activity, _clock);

    public void Dispose() => _sato.Dispose();

    private Stuck? Judge() => _activity.Rules.Judge(_activity.Of(Room.Sato.AccountId)!, _clock.GetUtcNow());

    [Fact]
    public void Ten_minutes_without_a_call_or_a_report_marks_a_started_learner_stalled()
    {
        _sato.Report("03-cluster");
        _sato.Ecs("CreateCluster", new { clusterName = "workshop" });
        var last = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        Assert.Null(Judge());

        _clock.Advance(TimeSpan.FromSeconds(1));

        var stuck = Judge();
        Assert.Equal(StuckKind.Stalled, stuck?.Kind);
        Assert.Equal(last, stuck?.Since);
    }

    [Fact]
    public void A_learner_who_has_not_started_is_not_stalled()
    {
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(Judge());
    }

    [Fact]
    public void A_progress_report_alone_keeps_a_learner_from_stalling()
    {
        _sato.Ecs("ListClusters", new { });
        _clock.Advance(TimeSpan.FromMinutes(8));
        _sato.Report("04-task-definition");
        _clock.Advance(TimeSpan.FromMinutes(8));

        Assert.Null(Judge());
    }

    [Fact]
    public void A_learner_who_passed_a_self_check_of_the_final_lesson_never_stalls()
    {
        _sato.Report("09-cleanup", "NothingLeftRunning", passed: true);
        _clock.Advance(TimeSpan.FromHours(2));

        Assert.Null(Judge());
    }

    [Fact]
    public void A_failed_self_check_of_the_final_lesson_does_not_count_as_finished()
    {
        _sato.Report("09-cleanup", "NothingLeftRunning", passed: false);
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(StuckKind.Stalled, Judge()?.Kind);
    }
}
