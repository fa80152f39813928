using EcsWorkshop.Classroom.Activity;
using EcsWorkshop.Classroom.Dashboard;
using EcsWorkshop.Classroom.Tests.Support;
using EcsWorkshop.Display.Errors;

namespace EcsWorkshop.Classroom.Tests.Dashboard;

/// <summary>What the dashboard shows of two learners: lesson, checks, resources, the explained last error, stuck first.</summary>
public sealed class DashboardViewTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Room.Clock();
    private readonly ClassroomDashboard _dashboard;
    private readonly LearnerWorld _sato;
    private readonly LearnerWorld _suzuki;

    public DashboardViewTests()
    {
        _dashboard = new ClassroomDashboard(Room.TwoLearners, "token", _clock);
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
    public void A_learner_who_repeats_an_error_comes_first_with_the_error_explained_in_japanese()
    {
        _sato.Report("04-task-definition");
        _suzuki.Report("03-cluster");
        _suzuki.Report("03-cluster", "ClusterExists", passed: true);
        _suzuki.Ecs("CreateCluster", new { clusterName = "workshop" });
        for (var i = 0; i < 3; i++) Assert.Null(_suzuki.Ecs("RegisterTaskDefinition", Room.FargateSizeMistake()));

        var view = View();

        Assert.Equal(["suzuki", "sato"], view.Rows.Select(r => r.Name));
        var suzuki = view.Rows[0];
        Assert.Equal(StuckKind.RepeatedError, suzuki.Stuck?.Kind);
        Assert.Equal("03-cluster", suzuki.Lesson);
        Assert.Equal(1, suzuki.ChecksPassed);
        var error = suzuki.LastError!;
        Assert.Equal("ClientException", error.Code);
        Assert.True(error.Explained);
        Assert.Equal(ErrorCatalogue.Default.Explain(error.Code, error.Message).Title.ToString(), error.Explanation.ToString());
        Assert.Equal("fargate-size", ErrorCatalogue.Default.Find(error.Code, error.Message)?.Id);
        Assert.Null(view.Rows[1].Stuck);
        Assert.Null(view.Rows[1].LastError);
    }

    [Fact]
    public void The_summary_counts_learners_per_lesson_the_stuck_and_those_not_started()
    {
        _sato.Report("06-service");
        _clock.Advance(TimeSpan.FromMinutes(11));

        var summary = View().Summary;

        Assert.Equal(2, summary.Learners);
        Assert.Equal(1, summary.Stuck);
        Assert.Equal(1, summary.NotStarted);
        Assert.Equal([new LessonCount("06-service", "06-service", 1)], summary.ByLesson);
    }

    [Fact]
    public void The_page_shows_each_row_and_marks_the_stuck_one()
    {
        _sato.Report("05-tasks", "TaskIsRunning", passed: true);
        _sato.Ecs("CreateCluster", new { clusterName = "workshop" });
        for (var i = 0; i < 3; i++) _sato.Ecs("RegisterTaskDefinition", Room.FargateSizeMistake());
        _sato.Ecr("CreateRepository", new { repositoryName = "web" });

        var view = View();
        var (summary, rows) = DashboardPage.Parts(view);
        var page = DashboardPage.Render(view, DashboardEndpoints.EventsPath);

        Assert.Contains("つまずき <b>1</b> 人", summary);
        Assert.Contains(">05-tasks</span> <b>1</b> 人", summary);
        Assert.StartsWith("<tr class=\"stuck\"><td class=\"name\" title=\"アカウント 111122223333\"><b>sato</b>", rows);
        Assert.Contains("<code class=\"code\">ClientException</code>", rows);
        Assert.Contains("<small title=\"RegisterTaskDefinition で ClientException\">同じエラー 3 回</small>", rows);
        Assert.Contains("リポジトリ <b>1</b>", rows);
        Assert.Contains("✓ TaskIsRunning", rows);
        Assert.Contains(rows, page);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org", "", StringComparison.Ordinal));
        Assert.DoesNotContain("https://", page);
    }

    [Fact]
    public void Text_a_learner_sends_is_escaped()
    {
        _sato.Report("<script>alert(1)</script>", "<b>x</b>", passed: true);

        var (summary, rows) = DashboardPage.Parts(View());

        Assert.DoesNotContain("<script>", rows + summary);
        Assert.Contains("&lt;script&gt;", rows);
    }
}
