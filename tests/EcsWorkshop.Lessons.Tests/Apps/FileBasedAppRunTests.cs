using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Apps;

/// <summary>A generated app runs with plain <c>dotnet run</c> against a running simulator and prints what its lesson promises.</summary>
public sealed class FileBasedAppRunTests(LessonSimulator simulator) : IClassFixture<LessonSimulator>
{
    [Fact]
    public async Task Dotnet_run_of_the_setup_lessons_app_reaches_the_simulator_and_prints_its_state()
    {
        ProcessResult result;
        // `#:project` builds the helper project in its own obj/ folder, as the setup cell's build does: not both at once.
        using (await LessonLibraryLock.AcquireAsync())
        {
            result = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, ["run", "notebooks/apps/00-setup.cs"], RepositoryRoot.Path,
                simulator.Environment, TimeSpan.FromMinutes(8));
        }

        Assert.True(result.ExitCode == 0, result.Printed);
        foreach (var expected in LessonExpectations.For("00-setup", simulator))
            Assert.Contains(expected, result.StandardOutput);
    }
}
