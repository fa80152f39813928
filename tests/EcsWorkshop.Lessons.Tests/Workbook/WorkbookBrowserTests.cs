using System.Collections.Immutable;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Running;
using EcsWorkshop.Lessons.Tests.Support;
using EcsWorkshop.Lessons.Workbook;
using EcsWorkshop.TestSupport;
using OpenQA.Selenium;

namespace EcsWorkshop.Lessons.Tests.Workbook;

/// <summary>
/// The workbook page in a real browser (Debian's chromium through chromedriver, headless), as a projector or a phone
/// shows it: every id on the page is unique, no table reaches past the card or Markdown block it sits in (it wraps,
/// or scrolls inside), and nothing makes the page scroll sideways. A screenshot of each width is kept in <c>artifacts/screenshots/</c>.
/// </summary>
public sealed class WorkbookBrowserTests : IDisposable
{
    /// <summary>Where the screenshots are written (under the repository's git-ignored <c>artifacts/</c>).</summary>
    public static string ScreenshotFolder => RepositoryRoot.File("artifacts/screenshots");

    private readonly string _folder = Directory.CreateTempSubdirectory("ecs-workshop-browser-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Every table on the page whose visible right edge (clipped by any scrolling ancestor) lies right of its card's.
    private const string TablesPastTheirCard = """
        const out = [];
        for (const table of document.querySelectorAll('table')) {
          const card = table.closest('.ecsws, .markdown, .cell, section');
          let right = table.getBoundingClientRect().right;
          for (let a = table.parentElement; a && a !== card.parentElement; a = a.parentElement)
            if (getComputedStyle(a).overflowX !== 'visible') right = Math.min(right, a.getBoundingClientRect().right);
          const limit = card.getBoundingClientRect().right;
          if (right > limit + 1) out.push(`${Math.round(right - limit)}px past ${card.className}: ${table.textContent.replace(/\s+/g, ' ').slice(0, 60)}`);
        }
        return out;
        """;

    // Elements reaching past the window, innermost first (the page would scroll sideways), outside any scrolling box.
    private const string PastTheWindow = """
        const out = [];
        const width = document.documentElement.clientWidth;
        for (const e of document.querySelectorAll('body *')) {
          if (e.getBoundingClientRect().right <= width + 1) continue;
          let clipped = false;
          for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
            if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= width + 1) { clipped = true; break; }
          if (!clipped && ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
            out.push(`${e.tagName.toLowerCase()}.${e.className}: ${Math.round(e.getBoundingClientRect().right - width)}px: ${(e.textContent || '').replace(/\s+/g, ' ').slice(0, 50)}`);
        }
        return out.slice(0, 20);
        """;

    private const string DuplicateIds = """
        const seen = {};
        for (const e of document.querySelectorAll('[id]')) seen[e.id] = (seen[e.id] || 0) + 1;
        return Object.keys(seen).filter(id => seen[id] > 1);
        """;

    [Theory]
    [InlineData(1280)]
    [InlineData(480)]
    public void The_lessons_in_a_browser_have_unique_anchors_tables_inside_their_cards_and_no_sideways_scrolling(int width)
    {
        var path = Path.Combine(_folder, "workbook.html");
        File.WriteAllText(path, WorkbookHtml.Render(Page(), DateTimeOffset.UnixEpoch, "in-process"));

        using var browser = HeadlessChromium.Start(width, 900);
        browser.Navigate().GoToUrl(new Uri(path).AbsoluteUri);
        var script = (IJavaScriptExecutor)browser;
        var duplicates = browser.Strings(DuplicateIds);
        var wide = browser.Strings(TablesPastTheirCard);
        var pastTheWindow = browser.Strings(PastTheWindow);
        var headings = Convert.ToInt64(script.ExecuteScript("return document.querySelectorAll('main h1[id], main h2[id], main h3[id]').length;"));
        var tables = Convert.ToInt64(script.ExecuteScript("return document.querySelectorAll('table').length;"));
        Directory.CreateDirectory(ScreenshotFolder);
        script.ExecuteScript("document.getElementById('lesson-99-wide').scrollIntoView();");
        ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(ScreenshotFolder, $"workbook-{width}.png"));

        Assert.Empty(duplicates);
        Assert.Empty(wide);
        Assert.Empty(pastTheWindow);
        Assert.True(headings >= RepositoryRoot.Lessons.Count * 2, $"{headings} headings with ids");
        Assert.True(tables >= 3, $"{tables} tables");
    }

    /// <summary>The repository's lessons as written, then a lesson whose Markdown table and card table are wide.</summary>
    private static IReadOnlyList<LessonRun> Page()
    {
        var runs = RepositoryRoot.Lessons.Select(l => new LessonRun(l, l.Notebook, [])).ToList();
        var wideMarkdown = "# 99. 幅の広い表\n\n## 表\n\n| 例外 | 意味 | ARN |\n| --- | --- | --- |\n"
            + "| `ClusterContainsServicesException` | クラスターにサービスが残っているので削除できません | `arn:aws:ecs:ap-northeast-1:123456789012:service/fargate-cluster/fargate-service-with-a-very-long-name` |\n";
        var card = Notebook.Code("display(service);") with
        {
            Outputs = [new DataOutput(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                [KeyValuePair.Create("text/html", WorkshopFormatters.ToHtml(WideService()))]))],
        };
        var notebook = Notebook.Create([Notebook.Markdown(wideMarkdown), card]);
        var lesson = new Lesson(Path.Combine(RepositoryRoot.Notebooks, "99-wide.ipynb"), notebook);
        runs.Add(new LessonRun(lesson, notebook, []));
        return runs;
    }

    private static ServiceView WideService()
    {
        const string arn = "arn:aws:ecs:ap-northeast-1:123456789012";
        return new ServiceView
        {
            Name = "fargate-service",
            Arn = $"{arn}:service/fargate-cluster/fargate-service",
            Cluster = "fargate-cluster",
            Status = "ACTIVE",
            DesiredCount = 3,
            RunningCount = 2,
            PendingCount = 1,
            TaskDefinition = $"{arn}:task-definition/sample-fargate:3",
            LaunchType = "FARGATE",
            Deployments =
            [
                new DeploymentView
                {
                    Id = "ecs-svc/1234567890123456789", Status = "PRIMARY", TaskDefinition = "sample-fargate:3", DesiredCount = 3,
                    RunningCount = 2, PendingCount = 1, RolloutState = "IN_PROGRESS",
                    RolloutStateReason = "ECS deployment ecs-svc/1234567890123456789 in progress.",
                },
            ],
            Events = [new ServiceEventView(DateTimeOffset.UnixEpoch, "(service fargate-service) has started 1 tasks: (task 0123456789abcdef0123456789abcdef).")],
        };
    }
}
