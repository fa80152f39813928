using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using EcsWorkshop.Lessons.Notebooks;

namespace EcsWorkshop.Lessons.Running;

/// <summary>
/// Runs lessons through the real .NET Interactive kernel (the <c>microsoft.dotnet-interactive</c> local tool) with
/// Jupyter's own runner: <c>jupyter nbconvert --to notebook --execute</c>, with the kernelspec the repository ships
/// in <c>jupyter/kernels/.net-csharp/</c>. This is what a learner using Jupyter gets. Cells are reported when the
/// whole notebook has run, with the times Jupyter recorded.
/// </summary>
public sealed class JupyterLessonHost(string repositoryRoot) : ILessonHost
{
    /// <summary>What Jupyter adds to the first cell's outputs: a script that only works in a live browser.</summary>
    private const string FrontEndProbe = "dotnet-interactive-this-cell";

    public string Name => "jupyter";

    /// <summary>Where the kernelspec lives (give it to Jupyter as <c>JUPYTER_PATH</c>).</summary>
    public string JupyterPath => Path.Combine(repositoryRoot, "jupyter");

    /// <summary>The <c>jupyter</c> program: Debian's, or the first on the <c>PATH</c>.</summary>
    public static string Jupyter => File.Exists("/usr/bin/jupyter") ? "/usr/bin/jupyter" : "jupyter";

    /// <summary>Restores the local tools (the kernel) once; a fresh machine has none.</summary>
    public async Task RestoreToolsAsync(CancellationToken cancellationToken)
    {
        var restore = await RunAsync("dotnet", ["tool", "restore"], repositoryRoot, new Dictionary<string, string>(), cancellationToken);
        if (restore.ExitCode != 0)
            throw new LessonHostException($"`dotnet tool restore` failed in {repositoryRoot} (exit {restore.ExitCode}):\n{restore.Output}");
    }

    public async Task<LessonRun> RunAsync(Lesson lesson, IReadOnlyDictionary<string, string> environment, Action<CellRun> onCell, CancellationToken cancellationToken)
    {
        if (!IsBelow(lesson.Folder, repositoryRoot))
            throw new LessonHostException($"The real kernel is the repository's local tool (dotnet-tools.json), which `dotnet` only finds below {repositoryRoot}; {lesson.Path} is elsewhere. Use the in-process kernel for it.");
        var output = Directory.CreateTempSubdirectory("ecs-workshop-nbconvert-");
        try
        {
            var variables = new Dictionary<string, string>(environment) { ["JUPYTER_PATH"] = JupyterPath };
            // The lesson as it is in memory (with model answers, say) goes in on standard input; the kernel still
            // starts in the lesson's folder, so the setup cell's relative paths hold.
            var executedPath = Path.Combine(output.FullName, Path.GetFileName(lesson.Path));
            var nbconvert = await RunAsync(Jupyter,
                ["nbconvert", "--to", "notebook", "--execute", "--stdin", "--output-dir", output.FullName, "--output", lesson.Name, "--allow-errors",
                 $"--ExecutePreprocessor.kernel_name={NotebookMetadata.KernelSpecName}", "--ExecutePreprocessor.timeout=600"],
                lesson.Folder, variables, cancellationToken, standardInput: NotebookFile.Serialize(lesson.Notebook));
            if (nbconvert.ExitCode != 0 || !File.Exists(executedPath))
                throw new LessonHostException($"jupyter nbconvert could not run {lesson.Name} (exit {nbconvert.ExitCode}):\n{Tail(nbconvert.Output, 40)}");
            var executed = NotebookFile.Load(executedPath);
            executed = executed with { Cells = [.. executed.Cells.Select(WithoutFrontEndProbe)] };
            var codeCells = executed.CodeCells.ToList();
            var runs = codeCells.Select((cell, index) => new CellRun(lesson, index + 1, codeCells.Count, cell,
                cell.Error is null ? CellOutcome.Succeeded : CellOutcome.Failed, RecordedDuration(cell))).ToImmutableArray();
            foreach (var run in runs) onCell(run);
            return new LessonRun(lesson, executed, runs);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static NotebookCell WithoutFrontEndProbe(NotebookCell cell) => cell is CodeCell code
        ? code with { Outputs = [.. code.Outputs.Where(o => !(o is DataOutput data && data.Data.Values.Any(v => v.Contains(FrontEndProbe, StringComparison.Ordinal))))] }
        : cell;

    /// <summary>How long the kernel took, from the times nbclient records in the cell's metadata.</summary>
    private static TimeSpan RecordedDuration(CodeCell cell)
    {
        var execution = cell.Metadata["execution"];
        return Time(execution?["iopub.execute_input"]) is { } start && Time(execution?["shell.execute_reply"]) is { } end && end >= start
            ? end - start
            : TimeSpan.Zero;
    }

    private static DateTimeOffset? Time(System.Text.Json.Nodes.JsonNode? node) =>
        node?.GetValue<string>() is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static bool IsBelow(string folder, string root)
    {
        var relative = Path.GetRelativePath(root, folder);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private static string Tail(string text, int lines) => string.Join("\n", text.Split('\n').TakeLast(lines));

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string directory,
        IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, string? standardInput = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = standardInput is not null,
            StandardInputEncoding = standardInput is null ? null : new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new LessonHostException($"Could not start {program}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new LessonHostException($"Could not start {program} ({e.Message}). The real kernel needs Jupyter's runner: on Debian, apt-get install jupyter-nbconvert python3-nbclient.");
        }
        using var _ = process;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>A host could not run a lesson at all (as opposed to a cell failing).</summary>
public sealed class LessonHostException(string message) : Exception(message);
