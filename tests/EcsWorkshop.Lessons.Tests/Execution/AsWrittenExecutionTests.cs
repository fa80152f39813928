using EcsWorkshop.Lessons.Running;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Execution;

/// <summary>
/// The workbook as a learner opens it, exercises not yet done: every cell still runs (a placeholder compiles and runs),
/// and each exercise's self-check shows what is missing instead of passing.
/// </summary>
public sealed class AsWrittenExecutionTests(SimulatedLessonSimulator simulator) : IClassFixture<SimulatedLessonSimulator>
{
    [Fact]
    public async Task Every_lesson_as_committed_on_the_simulated_runtime_runs_and_its_unanswered_exercises_show_what_is_missing()
    {
        var host = new InProcessLessonHost();
        foreach (var lesson in RepositoryRoot.Lessons)
        {
            var run = await host.RunAsync(lesson, simulator.Environment, _ => { }, CancellationToken.None);

            ExecutedNotebook.AssertNoCellFailed(run);
            var exerciseOutputs = ExecutedNotebook.OutputText(run.Executed with
            {
                Cells = [.. run.Executed.CodeCells.Where(Exercises.ModelAnswers.IsExerciseCell)],
            });
            Assert.True(exerciseOutputs.Contains(ExecutedNotebook.FailedCheckBadge, StringComparison.Ordinal),
                $"{lesson.Name}: an unanswered exercise's self-check did not show anything missing:\n{exerciseOutputs}");
        }
    }
}
