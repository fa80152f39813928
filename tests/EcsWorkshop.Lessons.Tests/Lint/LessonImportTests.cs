using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Lint;

/// <summary>
/// Lessons speak to the simulator only through the helper library (its health path is <c>Workshop.SimulatorHealthPath</c>):
/// no lesson, no generated app and no setup script opens or names the simulator's own namespaces.
/// </summary>
public sealed class LessonImportTests
{
    private const string SimulatorNamespace = "EcsWorkshop.Simulator";

    public static TheoryData<string> Lessons => RepositoryRoot.LessonNames;

    [Fact]
    public void The_setup_script_opens_none_of_the_simulators_namespaces()
    {
        var setup = LessonSetup.Load(RepositoryRoot.Notebooks);

        Assert.DoesNotContain(setup.Usings, line => line.Contains(SimulatorNamespace, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void A_lesson_and_its_app_name_nothing_of_the_simulator(string name)
    {
        Assert.DoesNotContain(SimulatorNamespace, File.ReadAllText(RepositoryRoot.File($"notebooks/{name}.ipynb")));
        Assert.DoesNotContain(SimulatorNamespace, File.ReadAllText(RepositoryRoot.File($"notebooks/apps/{name}.cs")));
    }
}
