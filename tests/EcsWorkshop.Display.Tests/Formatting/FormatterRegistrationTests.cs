using EcsWorkshop.Display.Diagrams;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Tests.Support;
using EcsWorkshop.Display.Views;
using Formatter = Microsoft.DotNet.Interactive.Formatting.Formatter;

namespace EcsWorkshop.Display.Tests.Formatting;

public class FormatterRegistrationTests
{
    public static TheoryData<object, string> Views() => new()
    {
        { Samples.Cluster(), "ecsws-cluster" },
        { Samples.TaskDefinition(), "ecsws-task-definition" },
        { Samples.Service(), "ecsws-service" },
        { Samples.Task(), "ecsws-task" },
        { new RepositoryView { Name = "r1", Uri = "u" }, "ecsws-repository" },
        { new LogLinesView { LogGroup = "/ecs/web" }, "ecsws-logs" },
        { FargateSizeTable.Standard, "ecsws-fargate-sizes" },
        { ErrorCatalogue.Default.Explain("ClusterNotFoundException", "Cluster not found."), "ecsws-error" },
        { ExplanationNotes.Get(ExplanationTopic.Service), "ecsws-explanation" },
        { Samples.Overview(), "ecsws-diagram" },
        { StepResult.Of("できました", Samples.Cluster()), "ecsws-step" },
        { StepResult.Of("できました", "text value"), "ecsws-step" },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public void Loading_the_assembly_registers_our_html_formatter(object view, string cssClass)
    {
        var html = Html.Parse(Formatter.ToDisplayString(view, "text/html"));

        Assert.Contains(cssClass, html.QuerySelector("section.ecsws")!.ClassList);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Loading_the_assembly_registers_our_plain_text_formatter(object view, string cssClass)
    {
        _ = cssClass;
        var text = Formatter.ToDisplayString(view, "text/plain");

        Assert.StartsWith("【", text);
    }
}
