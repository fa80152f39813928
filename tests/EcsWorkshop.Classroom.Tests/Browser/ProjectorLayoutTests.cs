using EcsWorkshop.Classroom.Tests.Support;
using EcsWorkshop.Simulator.Accounts;
using OpenQA.Selenium;

namespace EcsWorkshop.Classroom.Tests.Browser;

/// <summary>
/// A room of 30 on a projector's 1280×720, in a real browser (Debian's chromium, headless): every row fits without
/// scrolling either way, the type stays large, the lessons show their titles, and the stuck learners are at the top, marked.
/// </summary>
public sealed class ProjectorLayoutTests : IAsyncLifetime
{
    private const string Token = "projector-token-0123456789";
    private readonly Roster _roster = Roster.Generate(30);
    private readonly List<LearnerWorld> _learners = [];
    private ClassroomDashboard _dashboard = null!;
    private DashboardHost _host = null!;

    public async Task InitializeAsync()
    {
        _dashboard = new ClassroomDashboard(_roster, Token, titles: Cli.Commands.ClassroomServing.LessonTitlesNear(RepositoryRoot.Path));
        string[] lessons = ["03-cluster", "04-task-definition", "05-tasks", "06-service", "07-load-balancer"];
        for (var i = 0; i < _roster.Learners.Count; i++)
        {
            var learner = new LearnerWorld(_roster.Learners[i], _dashboard.Observer, TimeProvider.System, seed: i + 1);
            _learners.Add(learner);
            if (i % 7 == 6) continue;
            learner.Report(lessons[i % lessons.Length], "TaskDefinitionIsRegistered", passed: true);
            if (i % 3 == 0) learner.Report(lessons[i % lessons.Length], "演習 1: 自分で確かめる", passed: true, exercise: true);
            learner.Ecr("CreateRepository", new { repositoryName = "web" });
            learner.Ecs("CreateCluster", new { clusterName = "workshop" });
            learner.Ecs("DescribeServices", new { cluster = "missing", services = new[] { "web" } });
            if (i % 10 == 4)
                for (var n = 0; n < 3; n++) learner.Ecs("RegisterTaskDefinition", Room.FargateSizeMistake());
        }
        _host = await DashboardHost.StartAsync(_dashboard.AddTo(new ClassroomOptions(_roster, Token)), [.. _learners.Select(l => l.Account)]);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        foreach (var learner in _learners) learner.Dispose();
    }

    [Fact]
    public void Thirty_learners_fit_a_1280_by_720_projector_with_the_stuck_ones_on_top()
    {
        using var browser = HeadlessChromium.Start(1280, 720);
        browser.Navigate().GoToUrl(new Uri(_host.Endpoint, $"/_workshop/classroom?token={Token}"));

        Assert.Equal(30, browser.FindElements(By.CssSelector("#rows tr")).Count);
        Assert.Equal(720L, Convert.ToInt64(browser.Script("return window.innerHeight;")));
        var height = Convert.ToInt64(browser.Script("return document.documentElement.scrollHeight;"));
        var width = Convert.ToInt64(browser.Script("return document.documentElement.scrollWidth;"));
        var lastRowBottom = Convert.ToDouble(browser.Script("const r = document.querySelectorAll('#rows tr'); return r[r.length - 1].getBoundingClientRect().bottom;"));
        var fontSize = Convert.ToDouble(browser.Script("return parseFloat(getComputedStyle(document.querySelector('#rows td')).fontSize);"));
        browser.SaveScreenshot("classroom-dashboard-30");

        Assert.True(height <= 720 && lastRowBottom <= 720, $"The page is {height}px tall, its last row ends at {lastRowBottom}px: 30 rows must fit 720px.");
        Assert.True(width <= 1280, $"The page is {width}px wide: it must not scroll sideways at 1280px.");
        Assert.True(fontSize >= 14, $"The rows' type is {fontSize}px: too small for a projector.");
        // The live stream replaces the rows in place: read them in one go, as they are now.
        var classes = ((IEnumerable<object>)browser.Script("return [...document.querySelectorAll('#rows tr')].map(r => r.className);")!).Cast<string>().ToList();
        Assert.Equal(["stuck", "stuck", "stuck", ""], classes.Take(4));
        Assert.Contains("つまずき 3 人", browser.FindElement(By.Id("summary")).Text);
        Assert.Contains("未開始 4 人", browser.FindElement(By.Id("summary")).Text);
        Assert.Contains("03. クラスターを作る", browser.FindElement(By.Id("rows")).Text);
        Assert.Contains("(演習 1)", browser.FindElement(By.Id("rows")).Text);
    }
}
