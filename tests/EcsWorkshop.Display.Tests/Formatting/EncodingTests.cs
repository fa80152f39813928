using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Tests.Support;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Tests.Formatting;

/// <summary>Every value that comes from AWS or the user is HTML-encoded: it shows as text and never becomes markup.</summary>
public class EncodingTests
{
    private const string Script = "<script>alert('x')</script>";

    [Fact]
    public void A_container_named_script_appears_as_text_not_markup()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(Samples.TaskDefinition(Script)));

        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.Equal(Script, html.Table("コンテナ").Rows()[0][0].TextContent);
    }

    [Fact]
    public void Names_in_titles_and_attributes_are_encoded()
    {
        var cluster = Samples.Cluster("\"><img src=x onerror=alert(1)>");

        var raw = WorkshopFormatters.ToHtml(cluster);
        var html = Html.Parse(raw);

        Assert.Empty(html.QuerySelectorAll("img"));
        Assert.Equal("\"><img src=x onerror=alert(1)>", html.QuerySelector("h4 .ecsws-name")!.TextContent);
        Assert.Equal("クラスター \"><img src=x onerror=alert(1)>", html.QuerySelector("section")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void Service_events_task_reasons_and_log_messages_are_encoded()
    {
        var service = Samples.Service() with { Events = [new ServiceEventView(Samples.Moment, "<b>bold</b> & more")] };
        var task = Samples.StoppedTask() with { StoppedReason = "<iframe src=evil>" };
        var logs = new LogLinesView { LogGroup = "/ecs/<g>", Lines = [new(Samples.Moment, "<svg onload=alert(1)>")] };

        var all = Html.Parse(WorkshopFormatters.ToHtml(service) + WorkshopFormatters.ToHtml(task) + WorkshopFormatters.ToHtml(logs));

        Assert.Empty(all.QuerySelectorAll("b, iframe, svg"));
        Assert.Contains("<b>bold</b> & more", all.TextContent);
        Assert.Contains("<iframe src=evil>", all.TextContent);
        Assert.Contains("<svg onload=alert(1)>", all.TextContent);
    }

    [Fact]
    public void Error_messages_and_values_captured_from_them_are_encoded()
    {
        var error = ErrorCatalogue.Default.Explain("ClientException",
            "Invalid setting for container '<img src=x>'. At least one of 'memory' or 'memoryReservation' must be specified.");

        var html = Html.Parse(WorkshopFormatters.ToHtml(error));

        Assert.Empty(html.QuerySelectorAll("img"));
        Assert.Contains("コンテナ <img src=x> のメモリが決まっていません", html.QuerySelector("h5")!.TextContent);
        Assert.Contains("'<img src=x>'", html.QuerySelector("pre.ecsws-original")!.TextContent);
    }

    [Fact]
    public void A_value_with_backticks_cannot_open_a_code_span_in_a_template()
    {
        var text = JapaneseText.From("コンテナ `{name}` を見ます。", new Dictionary<string, string> { ["name"] = "a`b<c>" });

        Assert.Equal([new TextRun("コンテナ ", false), new TextRun("a`b<c>", true), new TextRun(" を見ます。", false)], text.Runs.ToArray());
    }

    [Fact]
    public void A_plain_string_value_of_a_step_is_encoded()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(StepResult.Of("読みました", "<b>not bold</b>")));

        Assert.Empty(html.QuerySelectorAll("section.ecsws-step b"));
        Assert.Contains("<b>not bold</b>", html.QuerySelector("section.ecsws-step")!.TextContent);
    }

    [Fact]
    public void Step_commands_with_markup_in_values_are_encoded_inside_the_code_block()
    {
        var step = StepResult.Of("作成しました", 1, AwsCliCommand.For("ecs", "create-cluster").With("cluster-name", "</code><b>x</b>"));

        var html = Html.Parse(WorkshopFormatters.ToHtml(step));

        Assert.Empty(html.QuerySelectorAll("pre b"));
        Assert.Equal("aws ecs create-cluster --cluster-name '</code><b>x</b>'", html.QuerySelector("pre code")!.TextContent);
    }
}
