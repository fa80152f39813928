using System.Collections.Immutable;
using System.Diagnostics;
using EcsWorkshop.Lessons.Notebooks;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace EcsWorkshop.Lessons.Running;

/// <summary>
/// Runs lessons in this process, in a .NET Interactive C# kernel built from the library packages: fast (no kernel
/// process to start), and close to the real kernel but not identical (the real one loads more assemblies of its
/// own), so lessons are also run through the real kernel.
/// </summary>
public sealed class InProcessLessonHost : ILessonHost
{
    // The current directory and the environment belong to the whole process: one lesson at a time.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public string Name => "in-process";

    public async Task<LessonRun> RunAsync(Lesson lesson, IReadOnlyDictionary<string, string> environment, Action<CellRun> onCell, CancellationToken cancellationToken)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        var previousDirectory = Environment.CurrentDirectory;
        var previousVariables = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            Environment.CurrentDirectory = lesson.Folder;
            foreach (var (name, value) in environment) Environment.SetEnvironmentVariable(name, value);
            using var kernel = CreateKernel();
            return await RunCellsAsync(kernel, lesson, onCell, cancellationToken);
        }
        finally
        {
            foreach (var (name, value) in previousVariables) Environment.SetEnvironmentVariable(name, value);
            Environment.CurrentDirectory = previousDirectory;
            OneAtATime.Release();
        }
    }

    /// <summary>A C# kernel set up as the <c>dotnet-interactive</c> tool sets up its own.</summary>
    public static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((kernel, references) =>
            {
                kernel.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            }, forceRestore: false)
            .UseKernelHelpers()
            .UseWho()
            .UseValueSharing();
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        return composite.UseImportMagicCommand();
    }

    private static async Task<LessonRun> RunCellsAsync(CompositeKernel kernel, Lesson lesson, Action<CellRun> onCell, CancellationToken cancellationToken)
    {
        var count = lesson.Notebook.CodeCells.Count();
        var cells = new List<NotebookCell>();
        var runs = ImmutableArray.CreateBuilder<CellRun>();
        var executionCount = 0;
        foreach (var cell in lesson.Notebook.Cells)
        {
            if (cell is not CodeCell code)
            {
                cells.Add(cell);
                continue;
            }
            executionCount++;
            var clock = Stopwatch.StartNew();
            // Events of the commands a cell starts itself (#!import runs each imported cell as one) reach the
            // kernel's event stream but not the submission's result, so listen to the stream.
            var events = new List<KernelEvent>();
            using (kernel.KernelEvents.Subscribe(new EventCollector(events)))
                await kernel.SendAsync(new SubmitCode(code.Source, NotebookMetadata.CSharpKernelName), cancellationToken);
            List<KernelEvent> snapshot;
            lock (events) snapshot = [.. events];
            var outputs = Outputs(snapshot);
            var executed = code with { Outputs = outputs, ExecutionCount = executionCount };
            var run = new CellRun(lesson, executionCount, count, executed, executed.Error is null ? CellOutcome.Succeeded : CellOutcome.Failed, clock.Elapsed);
            cells.Add(executed);
            runs.Add(run);
            onCell(run);
        }
        return new LessonRun(lesson, lesson.Notebook with { Cells = [.. cells] }, runs.ToImmutable());
    }

    /// <summary>The kernel's events for one submission, as Jupyter outputs.</summary>
    private static ImmutableArray<CellOutput> Outputs(IReadOnlyList<KernelEvent> events)
    {
        var outputs = new List<CellOutput>();
        var displayed = new Dictionary<string, int>();
        var diagnostics = new List<string>();
        foreach (var e in events)
        {
            switch (e)
            {
                case StandardOutputValueProduced stdout:
                    AppendStream(outputs, StreamOutput.StandardOutput, PlainText(stdout.FormattedValues));
                    break;
                case StandardErrorValueProduced stderr:
                    AppendStream(outputs, StreamOutput.StandardError, PlainText(stderr.FormattedValues));
                    break;
                case ReturnValueProduced result:
                    outputs.Add(new DataOutput(Data(result.FormattedValues), IsResult: true));
                    break;
                case DisplayedValueUpdated update when update.ValueId is { } id && displayed.TryGetValue(id, out var index):
                    outputs[index] = new DataOutput(Data(update.FormattedValues));
                    break;
                case DisplayedValueProduced display:
                    if (display.ValueId is { } valueId) displayed[valueId] = outputs.Count;
                    outputs.Add(new DataOutput(Data(display.FormattedValues)));
                    break;
                case DiagnosticsProduced produced:
                    diagnostics.AddRange(produced.Diagnostics
                        .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                        .Select(d => d.ToString()));
                    break;
                case CommandFailed failed:
                    outputs.Add(Error(failed, diagnostics));
                    break;
                case ErrorProduced error:
                    // What a command the cell started (an imported cell) reports instead of failing the cell.
                    outputs.Add(new ErrorOutput("Error", error.Message, [error.Message]));
                    break;
            }
        }
        return [.. outputs.Where(o => o is not DataOutput { Data.Count: 0 })];
    }

    private static ErrorOutput Error(CommandFailed failed, IReadOnlyList<string> diagnostics)
    {
        // A compilation error's message already lists the diagnostics, as the real kernel prints them.
        var name = failed.Exception?.GetType().FullName ?? "Error";
        var traceback = diagnostics.Count > 0 || failed.Exception is null ? failed.Message.Split('\n') : [failed.Exception.ToString()];
        return new ErrorOutput(name, failed.Message, [.. traceback.Select(line => line.TrimEnd('\r'))]);
    }

    private static void AppendStream(List<CellOutput> outputs, string name, string text)
    {
        if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == name) outputs[^1] = last with { Text = last.Text + text };
        else outputs.Add(new StreamOutput(name, text));
    }

    private static string PlainText(IReadOnlyCollection<FormattedValue> values) =>
        values.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? "";

    private static ImmutableSortedDictionary<string, string> Data(IReadOnlyCollection<FormattedValue> values) =>
        values.Where(v => !v.SuppressDisplay).ToImmutableSortedDictionary(v => v.MimeType, v => v.Value, StringComparer.Ordinal);

    private sealed class EventCollector(List<KernelEvent> events) : IObserver<KernelEvent>
    {
        public void OnNext(KernelEvent value)
        {
            lock (events) events.Add(value);
        }

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}
