using EcsWorkshop.Classroom.Dashboard;
using EcsWorkshop.Classroom.Tests.Support;
using EcsWorkshop.Cli.Commands;

namespace EcsWorkshop.Classroom.Tests.Dashboard;

/// <summary>
/// The dashboard names lessons by the notebooks' own titles (their first heading, read when the room starts), with
/// their number; a lesson id no notebook has is shown as it is.
/// </summary>
public sealed class LessonTitleTests : IDisposable
{
    private static readonly LessonTitles Titles = ClassroomServing.LessonTitlesNear(RepositoryRoot.Path);

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Room.Clock();
    private readonly ClassroomDashboard _dashboard;
    private readonly LearnerWorld _sato;
    private readonly LearnerWorld _suzuki;

    public LessonTitleTests()
    {
        _dashboard = new ClassroomDashboard(Room.TwoLearners, "token", _clock, titles: Titles);
        _sato = new LearnerWorld(Room.Sato, _dashboard.Observer, _clock, seed: 1);
        _suzuki = new LearnerWorld(Room.Suzuki, _dashboard.Observer, _clock, seed: 2);
    }

    public void Dispose()
    {
        _sato.Dispose();
        _suzuki.Dispose();
    }

    private ClassroomView View() => _dashboard.Views([_sato.Account, _suzuki.Account]).Build();

    [Fact]
    public void The_titles_are_the_notebooks_first_headings_for_all_ten_lessons()
    {
        Assert.Equal(10, Titles.Count);
        Assert.Equal("00. はじめに: ワークショップの準備", Titles.Of("00-setup"));
        Assert.Equal("06. サービスを作る", Titles.Of("06-service"));
        Assert.Equal("09. 後片付け", Titles.Of("09-cleanup"));
    }

    [Fact]
    public void A_row_and_the_summary_show_the_lessons_title_with_its_number()
    {
        _sato.Report("06-service");

        var view = View();
        var (summary, rows) = DashboardPage.Parts(view);

        var sato = view.Rows.Single(r => r.Name == "sato");
        Assert.Equal(("06-service", "06. サービスを作る"), (sato.Lesson, sato.LessonTitle));
        Assert.Equal([new LessonCount("06-service", "06. サービスを作る", 1)], view.Summary.ByLesson);
        Assert.Contains(">06. サービスを作る</td>", rows);
        Assert.Contains(">06. サービスを作る</span> <b>1</b> 人", summary);
    }

    [Fact]
    public void A_lesson_no_notebook_has_is_shown_by_its_id()
    {
        _suzuki.Report("42-my-own-lesson");

        var view = View();
        var (_, rows) = DashboardPage.Parts(view);

        Assert.Equal("42-my-own-lesson", view.Rows.Single(r => r.Name == "suzuki").LessonTitle);
        Assert.Contains(">42-my-own-lesson</td>", rows);
    }

    [Fact]
    public void Outside_a_repository_there_are_no_titles_and_ids_are_shown()
    {
        var elsewhere = Directory.CreateTempSubdirectory("ecs-workshop-no-repo-").FullName;
        try
        {
            var titles = ClassroomServing.LessonTitlesNear(elsewhere);

            Assert.Equal(0, titles.Count);
            Assert.Equal("06-service", titles.Of("06-service"));
        }
        finally
        {
            Directory.Delete(elsewhere);
        }
    }
}
