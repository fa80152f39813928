using EcsWorkshop.Lessons.Apps;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Apps;

/// <summary>
/// The whole hands-on without a notebook: every lesson's generated app, in order, with plain <c>dotnet run</c>
/// against one running simulator, prints what its lesson promises, and every self-check in it passes.
/// </summary>
public sealed class FileBasedAppRunTests(SimulatedLessonSimulator simulator) : IClassFixture<SimulatedLessonSimulator>
{
    [Fact]
    public async Task Dotnet_run_of_every_lessons_app_in_order_goes_through_the_whole_hands_on_on_the_simulated_runtime()
    {
        foreach (var lesson in RepositoryRoot.Lessons)
        {
            var app = Path.GetRelativePath(RepositoryRoot.Path, FileBasedApp.PathFor(lesson));
            ProcessResult result;
            // `#:project` builds the helper project in its own obj/ folder, as the setup cell's build does: not both at once.
            using (await LessonLibraryLock.AcquireAsync())
            {
                result = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["run", app], RepositoryRoot.Path, simulator.Environment, TimeSpan.FromMinutes(8));
            }

            Assert.True(result.ExitCode == 0, $"dotnet run {app}:\n{result.Printed}");
            foreach (var expected in LessonExpectations.For(lesson.Name, simulator))
                Assert.True(result.StandardOutput.Contains(expected, StringComparison.Ordinal), $"dotnet run {app} did not print \"{expected}\":\n{result.StandardOutput}");
            Assert.False(result.StandardOutput.Contains(ExecutedNotebook.FailedCheckBadge, StringComparison.Ordinal),
                $"dotnet run {app} shows a self-check with missing items:\n{result.StandardOutput}");
        }
    }
}
