using AngleSharp.Html.Parser;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Errors;
using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Display;

public sealed class StepResultHtmlTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task A_step_result_in_html_shows_the_cluster_note_and_the_cli_command_with_the_endpoint()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var name = Unique.Name("cluster");

        var html = WorkshopFormatters.ToHtml(await workshop.CreateClusterAsync(name));

        var document = new HtmlParser().ParseDocument(html);
        var code = document.QuerySelectorAll("pre, code").Select(e => e.TextContent).First(t => t.Contains("create-cluster"));
        Assert.Contains("--endpoint-url", code);
        Assert.Contains(simulator.Server.Endpoint.ToString().TrimEnd('/'), code);
        Assert.Contains(name, document.Body!.TextContent);
        Assert.Contains("ここを見る", document.Body.TextContent);
    }

    [Fact]
    public async Task A_step_error_in_html_has_its_japanese_title_fix_and_the_size_table()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var error = await Assert.ThrowsAsync<WorkshopStepException>(() => workshop.RegisterTaskDefinitionAsync(
            new FargateTaskDefinition { Family = Unique.Name("bad"), Image = "httpd:2.4", Cpu = "256", Memory = "4096", AwsLogs = false }));

        var document = new HtmlParser().ParseDocument(WorkshopFormatters.ToHtml(error));

        var text = document.Body!.TextContent;
        Assert.Contains(error.Explanation.Title.ToString(), text);
        Assert.Contains("直し方", text);
        Assert.Contains("タスク定義の登録", text);
        Assert.Contains("No Fargate configuration exists", text);
        Assert.NotEmpty(document.QuerySelectorAll("table"));
    }

    [Fact]
    public async Task A_check_shows_ticks_and_crosses_with_the_fix_in_text_and_html()
    {
        await using var workshop = await simulator.NewWorkshopAsync();

        var missing = await workshop.Checks.ClusterExistsAsync(Unique.Name("missing"));

        var text = WorkshopFormatters.ToText(missing);
        var html = new HtmlParser().ParseDocument(WorkshopFormatters.ToHtml(missing));
        Assert.False(missing.Passed);
        Assert.Contains("✗", text);
        Assert.Contains("CreateClusterAsync", text);
        Assert.Contains("セルフチェック", html.Body!.TextContent);
        Assert.Contains("✗", html.Body.TextContent);
    }
}
