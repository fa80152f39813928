using EcsWorkshop.Lessons.Running;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Execution;

/// <summary>
/// The whole workbook runs in the in-process kernel (the one <c>workshop run</c> uses by default) against one
/// simulator: every lesson, in order (each builds on what the ones before created), with its model answers.
/// </summary>
public sealed class InProcessExecutionTests(SimulatedLessonSimulator simulator) : IClassFixture<SimulatedLessonSimulator>
{
    [Fact]
    public async Task Every_lesson_runs_in_order_in_process_on_the_simulated_runtime_and_prints_what_it_promises()
    {
        var host = new InProcessLessonHost();
        foreach (var lesson in RepositoryRoot.Lessons.Select(l => l.WithModelAnswers()))
        {
            var reported = new List<CellRun>();

            var run = await host.RunAsync(lesson, simulator.Environment, reported.Add, CancellationToken.None);

            ExecutedNotebook.AssertNoCellFailed(run);
            ExecutedNotebook.AssertKeyOutputs(run, simulator);
            Assert.Equal(run.Cells, reported);
        }
    }
}
