using EcsWorkshop.Lessons.Running;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Execution;

/// <summary>Every lesson runs in the in-process kernel (the one <c>workshop run</c> uses by default) against a simulator.</summary>
public sealed class InProcessExecutionTests(LessonSimulator simulator) : IClassFixture<LessonSimulator>
{
    public static TheoryData<string> Lessons => RepositoryRoot.LessonNames;

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Every_cell_of_the_lesson_runs_in_process_and_prints_what_the_lesson_promises(string lessonName)
    {
        var lesson = Lesson.Load(RepositoryRoot.File($"notebooks/{lessonName}.ipynb")).WithModelAnswers();
        var reported = new List<CellRun>();

        var run = await new InProcessLessonHost().RunAsync(lesson, simulator.Environment, reported.Add, CancellationToken.None);

        ExecutedNotebook.AssertNoCellFailed(run);
        ExecutedNotebook.AssertKeyOutputs(run, simulator);
        Assert.Equal(run.Cells, reported);
    }
}
