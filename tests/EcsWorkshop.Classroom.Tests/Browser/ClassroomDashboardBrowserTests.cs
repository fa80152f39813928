using System.Net;
using System.Text.Json;
using EcsWorkshop;
using EcsWorkshop.Classroom.Tests.Support;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Simulator.Accounts;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace EcsWorkshop.Classroom.Tests.Browser;

/// <summary>
/// The "done when": a real <c>workshop serve --classroom</c> process, two learners acting — one through the
/// real AWS CLI (making a Fargate size mistake) and skopeo (pulling a tag that is not there), one through the helper library
/// joined to the room (its progress reports: the lesson, a built-in self-check and an exercise's own check) — and the host's
/// dashboard in a real browser (Debian's chromium, headless) showing both, lessons by their titles, taking a new error and
/// a stuck mark live, refusing a visitor without the token. The screenshot is kept as <c>artifacts/screenshots/classroom-dashboard.png</c>.
/// </summary>
public sealed class ClassroomDashboardBrowserTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecs-workshop-classroom-browser-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact(Timeout = 180_000)]
    public async Task The_host_sees_both_learners_progress_and_errors_live_and_a_visitor_without_the_token_is_refused()
    {
        var roster = Roster.Generate(2);
        var rosterPath = Path.Combine(_folder, "roster.csv");
        roster.Write(rosterPath);
        var (cli, helper) = (roster.Learners[0], roster.Learners[1]);
        using var server = WorkshopProcess.Start("serve", "--classroom", rosterPath, "--port", "0", "--runtime", "simulated", "--speed", "20",
            "--state-dir", Path.Combine(_folder, "state"));
        var endpoint = await server.WaitForEndpointAsync(TimeSpan.FromSeconds(60));
        var token = await server.WaitForLineAsync("host token: ", TimeSpan.FromSeconds(10));

        // Learner 1, through the real AWS CLI: a cluster, a repository, a task, and a Fargate size mistake.
        var aws = new TestSupport.AwsCli(endpoint, accessKeyId: cli.AccessKeyId, secretAccessKey: cli.SecretAccessKey);
        await aws.SucceedsAsync("ecs", "create-cluster", "--cluster-name", "workshop");
        await aws.SucceedsAsync("ecr", "create-repository", "--repository-name", "web");
        var mistake = TestSupport.AwsCli.MessageOf(await aws.FailsAsync("ClientException", "ecs", "register-task-definition", "--family", "web",
            "--requires-compatibilities", "FARGATE", "--network-mode", "awsvpc", "--cpu", "256", "--memory", "4096",
            "--container-definitions", """[{"name":"web","image":"public.ecr.aws/nginx/nginx:latest","essential":true}]"""));
        await aws.SucceedsAsync("ecs", "register-task-definition", "--family", "web",
            "--requires-compatibilities", "FARGATE", "--network-mode", "awsvpc", "--cpu", "256", "--memory", "512",
            "--container-definitions", """[{"name":"web","image":"public.ecr.aws/nginx/nginx:latest","essential":true}]""");
        var subnet = JsonDocument.Parse(await aws.SucceedsAsync("ec2", "describe-subnets")).RootElement.GetProperty("Subnets")[0].GetProperty("SubnetId").GetString()!;
        await aws.SucceedsAsync("ecs", "run-task", "--cluster", "workshop", "--task-definition", "web", "--launch-type", "FARGATE",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{subnet}],assignPublicIp=ENABLED}}");
        await aws.FailsAsync("ClientException", "ecs", "register-task-definition", "--family", "web",
            "--requires-compatibilities", "FARGATE", "--network-mode", "awsvpc", "--cpu", "256", "--memory", "4096",
            "--container-definitions", """[{"name":"web","image":"public.ecr.aws/nginx/nginx:latest","essential":true}]""");

        // Learner 2, through the helper library joined to the room (as the connection card's two lines make it):
        // lesson 03 open, a cluster made, its self-check and an exercise's own check passed; the helper reports them to the room on its own.
        await using (var workshop = await Workshop.JoinClassroomAsync(new ClassroomConnection(endpoint, helper.AccessKeyId, helper.SecretAccessKey),
            new WorkshopOptions { ProgressOutput = null, SessionFile = Path.Combine(_folder, "session.json") }))
        {
            workshop.OpenLesson("03-cluster");
            await workshop.CreateClusterAsync("workshop");
            Assert.True((await workshop.Checks.ClusterExistsAsync("workshop")).Passed);
            Assert.True(workshop.Check("演習 1: クラスターの名前", new Checks.CheckItem(true, "クラスター workshop を作った")).Passed);
        }

        var explanation = ErrorCatalogue.Default.Explain("ClientException", mistake);
        Assert.Equal("fargate-size", explanation.EntryId);
        using var browser = HeadlessChromium.Start(1280, 720);
        browser.Navigate().GoToUrl(new Uri(endpoint, $"/_workshop/classroom?token={Uri.EscapeDataString(token)}"));
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(20));

        Assert.DoesNotContain("token", browser.Url);
        var cliRow = Row(browser, cli);
        Assert.Contains("ClientException", cliRow);
        Assert.Contains(explanation.Title.ToString().Replace("`", "", StringComparison.Ordinal), cliRow);
        Assert.Contains("リポジトリ 1", cliRow);
        Assert.Matches("タスク [01]", cliRow);
        // The helper's reports are sent in the background (each within 3 s): the live page shows them when they arrive.
        wait.Until(b => Row(b, helper).Contains("✓ 演習 1: クラスターの名前", StringComparison.Ordinal));
        var helperRow = Row(browser, helper);
        Assert.Contains("03. クラスターを作る", helperRow);
        Assert.DoesNotContain("03-cluster", helperRow);
        Assert.Contains("2 件 (演習 1)", helperRow);
        Assert.Contains("03. クラスターを作る 1 人", browser.FindElement(By.Id("summary")).Text);

        // A new error appears on the open page without a reload: a mark set on the page survives it.
        browser.Script("window.notReloaded = true;");
        await new TestSupport.AwsCli(endpoint, accessKeyId: helper.AccessKeyId, secretAccessKey: helper.SecretAccessKey).FailsAsync("ClusterNotFoundException", "ecs", "describe-services", "--cluster", "missing", "--services", "web");
        wait.Until(b => Row(b, helper).Contains("ClusterNotFoundException", StringComparison.Ordinal));
        Assert.Equal(true, browser.Script("return window.notReloaded === true;"));
        Assert.Contains("クラスター", Row(browser, helper));
        Assert.True(Convert.ToInt32(browser.Script("return Number(document.body.dataset.updates);")) >= 1);

        // Learner 1 pulls a tag that is not there with skopeo: the registry's refusal shows with its Japanese explanation.
        var password = (await aws.SucceedsAsync("ecr", "get-login-password")).Trim();
        var pull = await RunAsync("/usr/bin/skopeo", "inspect", "--tls-verify=false", "--creds", $"AWS:{password}", $"docker://localhost:{endpoint.Port}/web:no-such-tag");
        Assert.NotEqual(0, pull.ExitCode);
        wait.Until(b => Row(b, cli).Contains("MANIFEST_UNKNOWN", StringComparison.Ordinal));
        Assert.Contains(ErrorCatalogue.Default.Explain("MANIFEST_UNKNOWN", "manifest unknown").Title.ToString().Replace("`", "", StringComparison.Ordinal), Row(browser, cli));

        // Learner 1 makes the same mistake three times in a row: marked stuck, moved to the top, counted in the summary.
        for (var i = 0; i < 3; i++)
            await aws.FailsAsync("ClientException", "ecs", "register-task-definition", "--family", "web",
                "--requires-compatibilities", "FARGATE", "--network-mode", "awsvpc", "--cpu", "256", "--memory", "4096",
                "--container-definitions", """[{"name":"web","image":"public.ecr.aws/nginx/nginx:latest","essential":true}]""");
        wait.Until(b => Row(b, cli).Contains("つまずき", StringComparison.Ordinal));
        Assert.Equal(cli.Name, browser.Script("return document.querySelector('#rows tr.stuck td.name b').textContent;"));
        Assert.Contains("同じエラー 3 回", Row(browser, cli));
        Assert.Contains("つまずき 1 人", browser.FindElement(By.Id("summary")).Text);
        Assert.Equal(true, browser.Script("return window.notReloaded === true;"));
        browser.SaveScreenshot("classroom-dashboard");

        // Without the token: 401, for a browser (a Japanese page) and for a script alike.
        browser.Manage().Cookies.DeleteAllCookies();
        browser.Navigate().GoToUrl(new Uri(endpoint, "/_workshop/classroom"));
        Assert.Contains("主催者用トークンが必要です", browser.FindElement(By.TagName("h1")).Text);
        using var http = new HttpClient { BaseAddress = endpoint };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/_workshop/classroom")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/_workshop/classroom/state?token=wrong")).StatusCode);
        Assert.False(server.HasExited, server.Printed);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string Row(IWebDriver browser, Learner learner) =>
        (string)browser.Script($"const r = [...document.querySelectorAll('#rows tr')].find(r => r.querySelector('td.name b').textContent === '{learner.Name}'); return r ? r.innerText : '';")!;
}
