using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using EcsWorkshop.Display.Diagrams;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using Microsoft.DotNet.Interactive.Formatting;

namespace EcsWorkshop.Display.Formatting;

/// <summary>
/// Registers the <c>text/html</c> and <c>text/plain</c> formatters of every view with .NET Interactive's
/// <see cref="Formatter"/>, the way dotnet/interactive designs formatting: per type and MIME type, with the
/// views themselves knowing nothing of display. Loading the assembly registers them (module initializer), so a
/// plain <c>#r "EcsWorkshop.Display.dll"</c> in a notebook is enough.
/// </summary>
public static class WorkshopFormatters
{
    /// <summary>(Re-)registers every formatter; call again after <see cref="Formatter.ResetToDefault"/>.</summary>
    public static void Register()
    {
        Add<ClusterView>(ResourceCards.Cluster);
        Add<TaskDefinitionView>(ResourceCards.TaskDefinition);
        Add<ServiceView>(ResourceCards.Service);
        Add<TaskView>(ResourceCards.Task);
        Add<RepositoryView>(ResourceCards.Repository);
        Add<LogLinesView>(ResourceCards.LogLines);
        Add<FargateSizeTable>(WorkbookCards.FargateSizes);
        Add<ErrorExplanation>(WorkbookCards.Error);
        Add<Explanation>(WorkbookCards.Explanation);
        Add<ClusterOverview>(OverviewCard.Build);
        Add<LoadBalancerSetupView>(LoadBalancerCards.Setup);
        Add<TargetGroupView>(LoadBalancerCards.TargetGroup);
        Add<TargetHealthView>(LoadBalancerCards.TargetHealth);
        Add<WebPageView>(LoadBalancerCards.Page);
        Add<TrafficView>(LoadBalancerCards.Traffic);
        Add<ScalingTimeline>(ScalingChartCard.Build);
        // StepResult<T> for every T: registered on the open generic type.
        Formatter.Register(typeof(StepResult<>), (value, writer) => CardHtml.Write(WorkbookCards.Step((IStepResult)value), writer), HtmlFormatter.MimeType);
        Formatter.Register(typeof(StepResult<>), (value, writer) => CardText.Write(WorkbookCards.Step((IStepResult)value), writer), PlainTextFormatter.MimeType);
    }

    /// <summary>The HTML of any value through the registered formatters (ours for the workbook's views).</summary>
    public static string ToHtml(object? value) => Formatter.ToDisplayString(value, HtmlFormatter.MimeType);

    /// <summary>The console text of any value through the registered formatters.</summary>
    public static string ToText(object? value) => Formatter.ToDisplayString(value, PlainTextFormatter.MimeType);

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "Registering formatters when a notebook references the assembly is the purpose of this library.")]
    internal static void RegisterOnLoad() => Register();

    private static void Add<T>(Func<T, Card> card)
    {
        Formatter.Register<T>((value, writer) => CardHtml.Write(card(value), writer), HtmlFormatter.MimeType);
        Formatter.Register<T>((value, writer) => CardText.Write(card(value), writer), PlainTextFormatter.MimeType);
    }
}
