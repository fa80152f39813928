using EcsWorkshop.Classroom.Activity;
using EcsWorkshop.Classroom.Tests.Support;
using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Classroom.Tests.Activity;

/// <summary>What the activity log keeps of each learner: lesson, self-checks, last error; bounded and safe under concurrency.</summary>
public sealed class ClassroomActivityTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Room.Clock();
    private readonly ClassroomActivity _activity = new(Room.TwoLearners);
    private readonly LearnerWorld _sato;

    public ClassroomActivityTests() => _sato = new LearnerWorld(Room.Sato, _activity, _clock);

    public void Dispose() => _sato.Dispose();

    private LearnerActivity Sato => _activity.Of(Room.Sato.AccountId)!;

    [Fact]
    public void The_lesson_is_the_one_last_reported_and_since_when()
    {
        _sato.Report("03-cluster");
        _clock.Advance(TimeSpan.FromMinutes(5));
        _sato.Report("04-task-definition");
        var opened = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMinutes(1));
        _sato.Report("04-task-definition", "TaskDefinitionIsRegistered", passed: true);

        Assert.Equal("04-task-definition", Sato.Lesson);
        Assert.Equal(opened, Sato.LessonSince);
    }

    [Fact]
    public void A_self_check_counts_once_and_its_latest_result_decides()
    {
        _sato.Report("06-service", "ServiceIsStable", passed: false);
        Assert.Equal(0, Sato.ChecksPassed);
        _sato.Report("06-service", "ServiceIsStable", passed: true);
        _sato.Report("06-service", "ServiceIsStable", passed: true);
        _sato.Report("06-service", "TasksAreRunning", passed: true);
        Assert.Equal(2, Sato.ChecksPassed);

        _sato.Report("06-service", "ServiceIsStable", passed: false);

        Assert.Equal(1, Sato.ChecksPassed);
        Assert.Equal(new CheckResult("06-service", "ServiceIsStable", false, _clock.GetUtcNow()), Sato.LastCheck);
    }

    [Fact]
    public void An_exercises_own_check_counts_among_the_checks_passed_and_as_an_exercise()
    {
        _sato.Report("06-service", "ServiceIsStable", passed: true);
        _sato.Report("06-service", "演習 1: デプロイの計算", passed: false, exercise: true);
        Assert.Equal((1, 0), (Sato.ChecksPassed, Sato.ExercisesPassed));

        _sato.Report("06-service", "演習 1: デプロイの計算", passed: true, exercise: true);
        _sato.Report("06-service", "演習 1: デプロイの計算", passed: true, exercise: true);

        Assert.Equal((2, 1), (Sato.ChecksPassed, Sato.ExercisesPassed));
        Assert.Equal(new CheckResult("06-service", "演習 1: デプロイの計算", true, _clock.GetUtcNow(), Exercise: true), Sato.LastCheck);
        _sato.Report("06-service", "演習 1: デプロイの計算", passed: false, exercise: true);
        Assert.Equal((1, 0), (Sato.ChecksPassed, Sato.ExercisesPassed));
    }

    [Fact]
    public void The_last_error_is_the_one_the_simulator_answered_last()
    {
        _sato.Ecs("DescribeServices", new { cluster = "missing", services = new[] { "web" } });
        _sato.Ecs("RegisterTaskDefinition", Room.FargateSizeMistake());
        Assert.NotNull(_sato.Ecs("ListClusters", new { }));

        var error = Sato.LastError!;
        Assert.Equal("RegisterTaskDefinition", error.Operation);
        Assert.Equal("ClientException", error.ErrorCode);
        Assert.Contains("4096", error.ErrorMessage);
        Assert.Equal(3, Sato.Calls);
        Assert.Equal(2, Sato.Errors);
    }

    [Fact]
    public void Calls_and_reports_of_accounts_not_on_the_roster_are_ignored()
    {
        var before = _activity.Version;
        _activity.Answered(new AnsweredCall("999999999999", "ecs", "ListClusters", 200, null, null, _clock.GetUtcNow()));
        _activity.Reported(new ProgressReport("999999999999", "03-cluster", null, null, null, _clock.GetUtcNow()));

        Assert.Equal(before, _activity.Version);
        Assert.Null(_activity.Of("999999999999"));
        Assert.Equal(["sato", "suzuki"], _activity.Learners().Select(l => l.Learner.Name));
    }

    [Fact]
    public void Memory_stays_bounded_whatever_a_learner_sends()
    {
        var at = _clock.GetUtcNow();
        for (var i = 0; i < 1000; i++)
        {
            _activity.Reported(new ProgressReport(Room.Sato.AccountId, "05-tasks", $"Check{i}", true, null, at));
            _activity.Answered(new AnsweredCall(Room.Sato.AccountId, "ecs", $"Operation{i}", 400, "ClientException", "no", at.AddSeconds(i)));
            _activity.Answered(new AnsweredCall(Room.Sato.AccountId, "ecs", "RunTask", 400, "ClientException", "no", at.AddSeconds(i)));
        }
        _activity.Reported(new ProgressReport(Room.Sato.AccountId, new string('x', 10_000), null, null, null, at));

        Assert.Equal(LearnerLog.MaxChecks, Sato.ChecksPassed);
        Assert.Equal(LearnerLog.MaxStreaks, Sato.Streaks.Count);
        Assert.All(Sato.Streaks, s => Assert.True(s.Count <= _activity.Rules.RepeatCount));
        Assert.Contains(Sato.Streaks, s => s.Operation == "RunTask");
        Assert.Equal(LearnerLog.MaxNameLength, Sato.Lesson!.Length);
    }

    [Fact]
    public void Concurrent_calls_and_reports_are_all_counted()
    {
        var at = _clock.GetUtcNow();
        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 500; i++)
            {
                _activity.Answered(new AnsweredCall(Room.Sato.AccountId, "ecs", "ListClusters", 200, null, null, at));
                _activity.Reported(new ProgressReport(Room.Sato.AccountId, "05-tasks", $"Check{worker}", true, null, at));
                _ = _activity.Learners();
            }
        });

        Assert.Equal(4000, Sato.Calls);
        Assert.Equal(8, Sato.ChecksPassed);
        Assert.Equal(8000, _activity.Version);
    }
}
