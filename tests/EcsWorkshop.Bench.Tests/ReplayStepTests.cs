using EcsWorkshop.Bench.Classroom;

namespace EcsWorkshop.Bench.Tests;

public sealed class ReplayStepTests
{
    private static readonly IReadOnlyList<RecordedCall> Recording = RecordedCall.ReadAll(Path.Combine(Root(), ClassroomBenchmark.Recording));

    [Fact]
    public void The_cleanup_lessons_retried_DeleteCluster_is_one_step_that_must_end_with_the_recorded_success()
    {
        var retry = Steps().Single(s => s.Call.Operation == "ecs:DeleteCluster" && s.InterimStatuses.Count > 0);

        Assert.Equal(200, retry.Call.Status);
        Assert.Equal([400], retry.InterimStatuses);
        Assert.True(retry.IsWaiter);
        Assert.InRange(retry.Limit, ReplayStep.WaitLimit, ReplayStep.MaxWaitLimit);
    }

    [Fact]
    public void A_change_answered_an_error_once_is_replayed_alone_and_must_answer_that_error()
    {
        var expectedError = Steps().First(s => s.Call.Operation == "ecs:DeleteCluster");

        Assert.Equal(400, expectedError.Call.Status);
        Assert.Empty(expectedError.InterimStatuses);
        Assert.False(expectedError.IsWaiter);
    }

    [Fact]
    public void A_waiters_polls_collapse_into_their_last_read_and_changes_that_succeeded_are_never_grouped()
    {
        var steps = Steps();

        Assert.Contains(steps, s => s.Call.Operation == "ecs:DescribeTasks" && s.IsWaiter && s.InterimStatuses.Count == 0);
        Assert.All(steps.Where(s => !s.Call.IsRead && s.IsWaiter), s => Assert.NotEmpty(s.InterimStatuses));
        Assert.DoesNotContain(steps, s => s.InterimStatuses.Contains(200));
    }

    private static List<ReplayStep> Steps()
    {
        var steps = new List<ReplayStep>();
        for (var i = 0; i < Recording.Count; i++)
        {
            var step = ReplayStep.At(Recording, i);
            steps.Add(step);
            i = step.Last;
        }
        return steps;
    }

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Workshop.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException("Workshop.sln not found above " + AppContext.BaseDirectory);
    }
}
