using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Display.Tests.Support;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Tests.Formatting;

public class StepResultFormattingTests
{
    private static readonly CliTarget Simulator = CliTarget.Simulator(new Uri("http://127.0.0.1:4566"));

    private static StepResult<ClusterView> CreateCluster(CliTarget target) => new()
    {
        Title = "クラスターを作成しました",
        Value = Samples.Cluster(),
        Command = AwsCliCommand.For("ecs", "create-cluster").With("cluster-name", "fargate-cluster"),
        Target = target,
        Note = "`status` が `ACTIVE` なら使えます。",
        SeeAlso = [ExplanationTopic.Cluster],
    };

    [Fact]
    public void Step_shows_what_was_done_then_the_value_through_its_own_formatter()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(CreateCluster(Simulator)));

        var step = html.QuerySelector("section.ecsws-step")!;
        Assert.Equal("クラスターを作成しました", step.QuerySelector("h4 .ecsws-kind")!.TextContent);
        Assert.NotNull(step.QuerySelector("section.ecsws-cluster"));
        Assert.Equal("fargate-cluster", step.QuerySelector("section.ecsws-cluster h4 .ecsws-name")!.TextContent);
    }

    [Fact]
    public void Step_shows_the_note_with_code_words()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(CreateCluster(Simulator)));

        var note = html.QuerySelector(".ecsws-note-look")!;
        Assert.Equal("ここを見る", note.QuerySelector(".ecsws-note-label")!.TextContent);
        Assert.Equal(["status", "ACTIVE"], note.QuerySelectorAll("code").Select(c => c.TextContent));
    }

    [Fact]
    public void Step_in_simulator_mode_shows_the_command_with_the_endpoint_in_a_pre_code_block()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(CreateCluster(Simulator)));

        var code = html.QuerySelector("figure.ecsws-cli pre code")!;
        Assert.Equal("aws --endpoint-url http://127.0.0.1:4566 ecs create-cluster --cluster-name fargate-cluster", code.TextContent);
        Assert.Contains("user-select:all", code.GetAttribute("style"));
        Assert.Contains("シミュレーター", html.QuerySelector("figure.ecsws-cli figcaption")!.TextContent);
    }

    [Fact]
    public void Step_in_AWS_mode_shows_the_command_without_an_endpoint()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(CreateCluster(CliTarget.Aws())));

        Assert.Equal("aws ecs create-cluster --cluster-name fargate-cluster", html.QuerySelector("figure.ecsws-cli pre code")!.TextContent);
        Assert.Contains("(AWS)", html.QuerySelector("figure.ecsws-cli figcaption")!.TextContent);
    }

    [Fact]
    public void Step_folds_its_explanations_under_details()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(CreateCluster(Simulator)));

        var details = html.QuerySelector("details")!;
        Assert.Equal("解説: クラスター", details.QuerySelector("summary")!.TextContent);
        Assert.NotNull(details.QuerySelector("table"));
    }

    [Fact]
    public void Step_with_a_list_value_shows_each_item_with_its_formatter()
    {
        var step = StepResult.Of("タスクを一覧しました", (IReadOnlyList<TaskView>)[Samples.Task(1), Samples.Task(2)]);

        var html = Html.Parse(WorkshopFormatters.ToHtml(step));

        Assert.Equal(2, html.QuerySelectorAll("section.ecsws-task").Length);
        Assert.Empty(html.QuerySelectorAll("figure.ecsws-cli"));
    }

    [Fact]
    public void Step_with_a_plain_value_uses_the_default_formatter()
    {
        var html = Html.Parse(WorkshopFormatters.ToHtml(StepResult.Of("数えました", 42)));

        Assert.Contains("42", html.QuerySelector("section.ecsws-step")!.TextContent);
    }

    [Fact]
    public void Step_text_shows_title_value_note_and_command()
    {
        var text = WorkshopFormatters.ToText(CreateCluster(Simulator));
        var lines = text.Split('\n');

        Assert.Equal("【クラスターを作成しました】", lines[0]);
        Assert.Equal("  【クラスター】 fargate-cluster  ACTIVE (アクティブ)", lines[1]);
        Assert.Contains("  [ここを見る] `status` が `ACTIVE` なら使えます。", lines);
        Assert.Contains("  [AWS CLI で同じことをするには (シミュレーター)]", lines);
        Assert.Contains("    aws --endpoint-url http://127.0.0.1:4566 ecs create-cluster --cluster-name fargate-cluster", lines);
        Assert.Contains("  《解説: クラスター》", lines);
    }
}
