using System.Globalization;
using EcsWorkshop.Bench.Reporting;
using EcsWorkshop.Cli.Commands;
using EcsWorkshop.Lessons;

namespace EcsWorkshop.Bench.Lessons;

/// <summary>Which kernels run which lessons.</summary>
/// <param name="Kernels">The <c>--kernel</c> values to measure, in order: <c>in-process</c>, <c>jupyter</c>.</param>
/// <param name="Only">Lesson numbers for <c>--only</c> (for example <c>00</c>), or null for every lesson.</param>
/// <param name="RepeatWhenCold">When a run had to build the helper library, run that kernel again to measure it warm.</param>
public sealed record LessonsOptions(IReadOnlyList<string> Kernels, string? Only, bool RepeatWhenCold);

/// <summary>One timed <c>workshop run</c> process.</summary>
/// <param name="Kernel">The <c>--kernel</c> it ran with.</param>
/// <param name="WallSeconds">From starting the process to its exit.</param>
/// <param name="BuiltLibrary">Whether a setup cell built the helper library (<c>artifacts/lesson-library/</c>) during the run: a cold run.</param>
/// <param name="Lessons">Each lesson's cells and wall time, in order.</param>
public sealed record WorkshopRun(string Kernel, double WallSeconds, bool BuiltLibrary, IReadOnlyList<LessonTiming> Lessons)
{
    /// <summary>Every cell of every lesson.</summary>
    public int Cells => Lessons.Sum(l => l.Cells);
}

/// <summary>Every run, in the order they ran.</summary>
public sealed record LessonsResult(IReadOnlyList<WorkshopRun> Runs)
{
    /// <summary>The last run of <paramref name="kernel"/>: the warm one when the first had to build the library.</summary>
    public WorkshopRun Measured(string kernel) => Runs.Last(r => r.Kernel == kernel);

    /// <summary>The run of <paramref name="kernel"/> that built the library before the measured one, if there was one.</summary>
    public WorkshopRun? Cold(string kernel) => Runs.Where(r => r.Kernel == kernel).SkipLast(1).FirstOrDefault(r => r.BuiltLibrary);

    /// <summary>The kernels measured, in order.</summary>
    public IReadOnlyList<string> Kernels => [.. Runs.Select(r => r.Kernel).Distinct()];
}

/// <summary>
/// The lessons' wall time: <c>workshop run</c> started as its own process from the repository's root, as a learner
/// runs it, once per kernel (in-process, and the real .NET kernel through <c>jupyter nbconvert</c>). Its output gives
/// each lesson's cells and their times; the bench times each lesson (from its heading line to the next) and the whole
/// process. The first lesson's setup cell builds the helper library when its sources changed; such a cold run is
/// reported apart and the kernel is run again, warm.
/// </summary>
public static class LessonsBenchmark
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(30);

    public static async Task<LessonsResult> RunAsync(LessonsOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var root = RepositoryFolders.FindRoot(Environment.CurrentDirectory) ?? RepositoryFolders.FindRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"No Workshop.sln above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}: the lessons benchmark runs the repository's lessons.");
        var runs = new List<WorkshopRun>();
        foreach (var kernel in options.Kernels)
        {
            var run = await RunOnceAsync(root, kernel, options.Only, progress, cancellationToken).ConfigureAwait(false);
            runs.Add(run);
            if (run.BuiltLibrary && options.RepeatWhenCold)
                runs.Add(await RunOnceAsync(root, kernel, options.Only, progress, cancellationToken).ConfigureAwait(false));
        }
        return new LessonsResult(runs);
    }

    private static async Task<WorkshopRun> RunOnceAsync(string root, string kernel, string? only, TextWriter progress, CancellationToken cancellationToken)
    {
        var output = Directory.CreateTempSubdirectory("ecs-workshop-bench-lessons-").FullName;
        try
        {
            List<string> arguments = ["run", "--out", output, "--kernel", kernel];
            if (only is not null) arguments.AddRange(["--only", only]);
            var libraryBefore = LibraryStamp(root);
            var capture = await WorkshopRunProcess.RunAsync(arguments, root, RunLimit, cancellationToken).ConfigureAwait(false);
            var built = LibraryStamp(root) != libraryBefore;
            IReadOnlyList<LessonTiming> lessons;
            try
            {
                lessons = WorkshopRunOutput.Parse(capture.Output);
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"workshop {string.Join(' ', arguments)} exited with 0 but its output does not add up: {e.Message}\n" +
                    WorkshopRunProcess.Tail(capture.Output, []), e);
            }
            var run = new WorkshopRun(kernel, capture.WallSeconds, built, lessons);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {kernel}: {lessons.Count} lesson(s), {run.Cells} cells in {run.WallSeconds:0.0} s{(built ? " (cold: the setup cell built the helper library)" : "")}")).ConfigureAwait(false);
            return run;
        }
        finally
        {
            try
            {
                Directory.Delete(output, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// What identifies the built helper library: its fingerprint file's text and time (the setup cell writes a new
    /// one with every build), or null before the first build.
    /// </summary>
    private static string? LibraryStamp(string root)
    {
        var stamp = new FileInfo(Path.Combine(root, "artifacts", "lesson-library", "fingerprint.txt"));
        return stamp.Exists ? $"{File.ReadAllText(stamp.FullName)}|{stamp.LastWriteTimeUtc.Ticks}" : null;
    }

    /// <summary>A table per kernel (each lesson, all lessons, the whole process), the cold runs if any, and notes.</summary>
    public static BenchReport Report(LessonsResult result, LessonsOptions options)
    {
        var tables = new List<ResultTable>();
        foreach (var kernel in result.Kernels)
        {
            var run = result.Measured(kernel);
            var table = new ResultTable($"{KernelTitle(kernel)}{(run.BuiltLibrary ? " (cold: the helper library was built)" : ", warm")}",
                "Lesson", "Cells", "Setup cell s", "Other cells s", "Lesson wall s");
            foreach (var lesson in run.Lessons)
                table.Add(lesson.Name, lesson.Cells, lesson.SetupCellSeconds, lesson.OtherCellsSeconds, lesson.WallSeconds);
            table.Add($"All {run.Lessons.Count} lesson(s)", run.Cells, run.Lessons.Sum(l => l.SetupCellSeconds), run.Lessons.Sum(l => l.OtherCellsSeconds), run.Lessons.Sum(l => l.WallSeconds));
            table.Add("Whole `workshop run` process", null, null, null, run.WallSeconds);
            tables.Add(table);
        }
        var colds = result.Kernels.Select(result.Cold).OfType<WorkshopRun>().ToList();
        if (colds.Count > 0)
        {
            var cold = new ResultTable("Cold runs (the first lesson's setup cell built the helper library)", "Kernel", "First setup cell s", "All cells s", "Whole process s");
            foreach (var run in colds)
                cold.Add(run.Kernel, run.Lessons[0].SetupCellSeconds, run.Lessons.Sum(l => l.CellSeconds.Sum()), run.WallSeconds);
            tables.Add(cold);
        }

        var lessons = options.Only is null ? "every lesson" : $"lesson(s) {options.Only} (`--only {options.Only}`)";
        return new BenchReport("lessons", "Lessons: wall time of `workshop run`",
            $"Seconds for `workshop run` to run {lessons} against its own simulator, as a learner runs it: the `workshop` command as a separate process from the repository's root, with {string.Join(" and ", options.Kernels.Select(k => $"`--kernel {k}`"))}. Per lesson: its code cells, the setup cell's time, the other cells' time, and the lesson's wall time; and the whole process's wall time.",
            tables,
            [
                string.Create(CultureInfo.InvariantCulture, $"Speed x{RunCommand.DefaultSpeed} (`workshop run`'s default: a Fargate task starts in about a second), exercises with their model answers, a new temporary state directory and output folder per run."),
                "Cell times are the ones `workshop run` prints, to 0.1 s: in-process, measured around each cell; in Jupyter, the times nbclient records (input to reply), so starting the kernel is outside the cells. A lesson's wall time runs from its heading line to the next lesson's (or the summary), as the bench received them: in Jupyter it includes starting `jupyter nbconvert` and the kernel. The whole process adds starting .NET and the simulator, `dotnet tool restore` (Jupyter) and writing the notebooks and the workbook.",
                WarmNote(result),
                "The setup cell is each lesson's first code cell (`#load \"setup.csx\"`, `#!import …/load.dib`): warm, it compares file times, then loads the helper library into the kernel.",
            ]);
    }

    private static string WarmNote(LessonsResult result)
    {
        var parts = result.Kernels.Select(kernel =>
        {
            var run = result.Measured(kernel);
            if (run.BuiltLibrary) return $"{kernel}: cold (the setup cell built `artifacts/lesson-library/` during the measured run; no warm run was made)";
            return result.Cold(kernel) is not null
                ? $"{kernel}: warm, measured in a second run after a cold one that built the library (shown apart)"
                : $"{kernel}: warm (the library was already built)";
        });
        return "Warm or cold: " + string.Join("; ", parts) + ". A run is cold when `artifacts/lesson-library/fingerprint.txt` changed during it.";
    }

    private static string KernelTitle(string kernel) => kernel switch
    {
        "in-process" => "In-process kernel (`--kernel in-process`)",
        "jupyter" => "Real .NET kernel through Jupyter (`--kernel jupyter`)",
        _ => $"`--kernel {kernel}`",
    };
}
