using EcsWorkshop.Classroom.Activity;
using EcsWorkshop.Classroom.Tests.Support;
using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Classroom.Tests.Activity;

/// <summary>The "same error again and again" stuck rule, fed the errors a real simulator answers.</summary>
public sealed class RepeatedErrorTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Room.Clock();
    private readonly ClassroomActivity _activity = new(Room.TwoLearners);
    private readonly LearnerWorld _sato;

    public RepeatedErrorTests() => _sato = new LearnerWorld(Room.Sato, _activity, _clock);

    public void Dispose() => _sato.Dispose();

    private Stuck? Judge() => _activity.Rules.Judge(_activity.Of(Room.Sato.AccountId)!, _clock.GetUtcNow());

    [Fact]
    public void The_same_error_three_times_within_five_minutes_marks_the_learner_stuck()
    {
        var first = _clock.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(Judge());
            Assert.Null(_sato.Ecs("RegisterTaskDefinition", Room.FargateSizeMistake()));
            _clock.Advance(TimeSpan.FromMinutes(2));
        }

        var stuck = Judge();
        Assert.NotNull(stuck);
        Assert.Equal(StuckKind.RepeatedError, stuck.Kind);
        Assert.Equal(first, stuck.Since);
        Assert.Equal("RegisterTaskDefinition", stuck.Streak!.Operation);
        Assert.Equal("ClientException", stuck.Streak.ErrorCode);
        Assert.Equal(3, stuck.Streak.Count);
    }

    [Fact]
    public void Three_errors_more_than_five_minutes_apart_do_not_mark_the_learner()
    {
        for (var i = 0; i < 3; i++)
        {
            _sato.Ecs("RegisterTaskDefinition", Room.FargateSizeMistake());
            _clock.Advance(TimeSpan.FromMinutes(3));
        }

        Assert.Null(Judge());
    }

    [Fact]
    public void Succeeding_at_the_operation_clears_the_mark()
    {
        for (var i = 0; i < 3; i++) _sato.Ecs("RegisterTaskDefinition", Room.FargateSizeMistake());
        Assert.NotNull(Judge());

        Assert.NotNull(_sato.Ecs("RegisterTaskDefinition", Room.FargateTaskDefinition()));

        Assert.Null(Judge());
    }

    [Fact]
    public void Successful_calls_to_other_operations_in_between_do_not_break_the_count()
    {
        for (var i = 0; i < 3; i++)
        {
            _sato.Ecs("RegisterTaskDefinition", Room.FargateSizeMistake());
            Assert.NotNull(_sato.Ecs("ListClusters", new { }));
        }

        Assert.Equal(StuckKind.RepeatedError, Judge()?.Kind);
    }

    [Fact]
    public void A_different_error_code_on_the_same_operation_starts_the_count_again()
    {
        var at = _clock.GetUtcNow();
        _activity.Answered(new AnsweredCall(Room.Sato.AccountId, "ecs", "CreateService", 400, "ClusterNotFoundException", "Cluster not found.", at));
        _activity.Answered(new AnsweredCall(Room.Sato.AccountId, "ecs", "CreateService", 400, "ClusterNotFoundException", "Cluster not found.", at));
        _activity.Answered(new AnsweredCall(Room.Sato.AccountId, "ecs", "CreateService", 400, "InvalidParameterException", "Bad subnet.", at));
        Assert.Null(Judge());

        _activity.Answered(new AnsweredCall(Room.Sato.AccountId, "ecs", "CreateService", 400, "InvalidParameterException", "Bad subnet.", at));
        _activity.Answered(new AnsweredCall(Room.Sato.AccountId, "ecs", "CreateService", 400, "InvalidParameterException", "Bad subnet.", at));

        Assert.Equal("InvalidParameterException", Judge()?.Streak?.ErrorCode);
    }

    [Fact]
    public void The_mark_gives_way_to_the_stall_rule_after_ten_quiet_minutes()
    {
        for (var i = 0; i < 3; i++) _sato.Ecs("RegisterTaskDefinition", Room.FargateSizeMistake());
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(StuckKind.RepeatedError, Judge()?.Kind);

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(StuckKind.Stalled, Judge()?.Kind);
    }

    [Fact]
    public void The_counted_rule_follows_the_repeat_count_it_is_given()
    {
        var activity = new ClassroomActivity(Room.TwoLearners, StuckRules.Default with { RepeatCount = 5 });
        using var sato = new LearnerWorld(Room.Sato, activity, _clock);
        for (var i = 0; i < 4; i++) sato.Ecs("RegisterTaskDefinition", Room.FargateSizeMistake());
        Assert.Null(activity.Rules.Judge(activity.Of(Room.Sato.AccountId)!, _clock.GetUtcNow()));

        sato.Ecs("RegisterTaskDefinition", Room.FargateSizeMistake());

        Assert.Equal(5, activity.Rules.Judge(activity.Of(Room.Sato.AccountId)!, _clock.GetUtcNow())?.Streak?.Count);
    }
}
