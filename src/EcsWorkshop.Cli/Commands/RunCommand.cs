using System.CommandLine;
using System.Globalization;
using EcsWorkshop.Lessons;
using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Running;
using EcsWorkshop.Lessons.Workbook;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Runtime;
using EcsWorkshop.Simulator.Runtime.Docker;

namespace EcsWorkshop.Cli.Commands;

/// <summary>
/// <c>workshop run</c>: starts the simulator, runs every lesson in order against it, prints each cell's outcome as it
/// goes, and writes the executed notebooks and one HTML workbook.
/// </summary>
public static class RunCommand
{
    /// <summary>The speed lessons run at unless told otherwise: a Fargate task starts in about a second.</summary>
    public const double DefaultSpeed = 20;

    public static Command Create()
    {
        var notebooks = new Option<string?>("--notebooks") { Description = "The folder of the lessons (NN-name.ipynb). Default: the repository's notebooks/." };
        var output = new Option<string?>("--out") { Description = "Where to write the executed notebooks and workbook.html. Default: the repository's artifacts/." };
        var kernel = new Option<string>("--kernel") { Description = "in-process (fast) or jupyter (the real .NET kernel through jupyter nbconvert).", DefaultValueFactory = _ => "in-process" };
        kernel.AcceptOnlyFromAmong("in-process", "jupyter");
        var stateDir = new Option<string?>("--state-dir") { Description = "Where the simulator keeps its state. Default: a new temporary folder, removed afterwards." };
        var speed = new Option<double>("--speed") { Description = "How many times faster than real life tasks start and stop.", DefaultValueFactory = _ => DefaultSpeed };
        var port = new Option<int>("--port") { Description = "The simulator's port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var asWritten = new Option<bool>("--as-written") { Description = "Run exercise cells as committed (placeholders), not with their model answers." };
        var only = new Option<string?>("--only") { Description = "Run only these lessons, by number, comma-separated (for example 00,03); the others are skipped." };
        var runtime = ServeCommand.RuntimeOption(RuntimeNames.Auto);
        var command = new Command("run", "Run every lesson against a fresh simulator and write the executed notebooks and an HTML workbook.")
        {
            notebooks, output, kernel, stateDir, speed, port, asWritten, only, runtime,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(new RunSettings(
            parse.GetValue(notebooks), parse.GetValue(output), parse.GetValue(kernel)!, parse.GetValue(stateDir), parse.GetValue(speed), parse.GetValue(port),
            parse.GetValue(asWritten), parse.GetValue(only)) { Runtime = RuntimeNames.Parse(parse.GetValue(runtime)!) }, cancellationToken));
        return command;
    }

    private sealed record RunSettings(string? Notebooks, string? Output, string Kernel, string? StateDirectory, double Speed, int Port, bool AsWritten, string? Only)
    {
        public RuntimeChoice Runtime { get; init; } = RuntimeChoice.Auto;
    }

    private static async Task<int> RunAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        var root = RepositoryFolders.FindRoot(Environment.CurrentDirectory);
        var notebooks = Path.GetFullPath(settings.Notebooks ?? Path.Combine(root ?? Environment.CurrentDirectory, RepositoryFolders.Notebooks));
        var output = Path.GetFullPath(settings.Output ?? Path.Combine(root ?? Environment.CurrentDirectory, "artifacts"));
        if (!Directory.Exists(notebooks))
        {
            await Console.Error.WriteLineAsync($"No lessons folder at {notebooks} (give one with --notebooks).");
            return 2;
        }
        IReadOnlyList<Lesson> lessons;
        try
        {
            // Exercises run with their model answers (a learner who solved them), unless --as-written.
            lessons = [.. Lesson.FindAll(notebooks).Select(l => settings.AsWritten ? l : l.WithModelAnswers())];
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        if (lessons.Count == 0)
        {
            await Console.Error.WriteLineAsync($"No lessons (NN-name.ipynb) in {notebooks}.");
            return 2;
        }
        if (settings.Only is not null)
        {
            if (SelectLessons(lessons, settings.Only, notebooks) is not { } selected) return 2;
            lessons = selected;
        }
        SimulationSettings simulation;
        try
        {
            simulation = SimulationSettings.AtSpeed(settings.Speed);
        }
        catch (ArgumentOutOfRangeException)
        {
            await Console.Error.WriteLineAsync($"--speed must be a positive number, not {settings.Speed.ToString(CultureInfo.InvariantCulture)}.");
            return 2;
        }

        ILessonHost host;
        if (settings.Kernel == "jupyter")
        {
            var repository = RepositoryFolders.FindRoot(notebooks);
            if (repository is null)
            {
                await Console.Error.WriteLineAsync($"--kernel jupyter runs the repository's kernel (dotnet-tools.json, jupyter/kernels/); {notebooks} is not inside the repository.");
                return 2;
            }
            var jupyter = new JupyterLessonHost(repository);
            try
            {
                await jupyter.RestoreToolsAsync(cancellationToken);
            }
            catch (LessonHostException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
            host = jupyter;
        }
        else
        {
            host = new InProcessLessonHost();
        }

        ClassroomConnection? room;
        try
        {
            room = ClassroomConnection.Read(Environment.GetEnvironmentVariable);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        if (room is not null)
        {
            // A learner in a classroom: the lessons run on the room's simulator, in the learner's account (the two
            // variables of the connection card pass on to the lessons as they are); no simulator is started here.
            Console.WriteLine($"Running {lessons.Count} lesson(s) from {notebooks} in the {host.Name} kernel on the classroom's simulator {room.EndpointText} (access key {room.AccessKeyId}); --state-dir, --speed, --port and --runtime are the room's.");
            return await RunLessonsAsync(lessons, host, new Dictionary<string, string> { [LessonSetup.EndpointVariable] = room.EndpointText }, output, cancellationToken);
        }

        var temporaryState = settings.StateDirectory is null ? Directory.CreateTempSubdirectory("ecs-workshop-run-").FullName : null;
        try
        {
            var options = new SimulatorOptions
            {
                Port = settings.Port,
                StateDirectory = Path.GetFullPath(settings.StateDirectory ?? temporaryState!),
                Simulation = simulation,
                Runtime = settings.Runtime,
            };
            SimulatorServer server;
            try
            {
                server = await SimulatorServer.StartAsync(options, cancellationToken);
            }
            catch (ContainerRuntimeUnavailableException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 5;
            }
            var endpoint = server.Endpoint.ToString().TrimEnd('/');
            Console.WriteLine($"ECS simulator listening on {endpoint} (state: {options.StateDirectory}, speed x{simulation.Speed.ToString(CultureInfo.InvariantCulture)}, runtime {RuntimeNames.Of(server.Runtime.Kind)})");
            Console.WriteLine($"Running {lessons.Count} lesson(s) from {notebooks} in the {host.Name} kernel ({LessonSetup.EndpointVariable}={endpoint})");
            var environment = new Dictionary<string, string> { [LessonSetup.EndpointVariable] = endpoint };
            // Every image the lessons build carries this run's label, so that the run removes them at the end (the
            // task containers go with the simulator).
            var runLabel = $"{WorkshopLabels.LessonRun}={Guid.NewGuid():N}";
            if (server.Runtime.Kind == ContainerRuntimeKind.Docker) environment[LessonSetup.DockerLabelsVariable] = runLabel;
            try
            {
                return await RunLessonsAsync(lessons, host, environment, output, cancellationToken);
            }
            finally
            {
                // The simulator first (it removes the task containers), then the images nothing uses any more.
                var onDocker = server.Runtime.Kind == ContainerRuntimeKind.Docker;
                await server.DisposeAsync();
                if (onDocker) await RemoveImagesAsync(runLabel);
            }
        }
        finally
        {
            if (temporaryState is not null)
            {
                try
                {
                    Directory.Delete(temporaryState, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    /// <summary>Runs the lessons in order with <paramref name="environment"/>, writes the artifacts, and answers the exit code.</summary>
    private static async Task<int> RunLessonsAsync(IReadOnlyList<Lesson> lessons, ILessonHost host, Dictionary<string, string> environment, string output,
        CancellationToken cancellationToken)
    {
        var runs = new List<LessonRun>();
        var hostFailures = 0;
        foreach (var lesson in lessons)
        {
            Console.WriteLine();
            Console.WriteLine($"{lesson.Name}: {lesson.Title}");
            try
            {
                runs.Add(await host.RunAsync(lesson, environment, PrintCell, cancellationToken));
            }
            catch (LessonHostException e)
            {
                hostFailures++;
                Console.WriteLine($"  FAILED to run: {e.Message}");
            }
        }

        var written = WriteArtifacts(runs, output, host.Name);
        var cells = runs.Sum(r => r.Cells.Length);
        var failed = runs.Sum(r => r.Cells.Count(c => c.Outcome == CellOutcome.Failed));
        Console.WriteLine();
        Console.WriteLine($"{lessons.Count} lesson(s), {cells} cell(s): {cells - failed} ok, {failed} failed{(hostFailures > 0 ? $", {hostFailures} lesson(s) could not run" : "")}.");
        Console.WriteLine($"Executed notebooks: {written.Notebooks}");
        Console.WriteLine($"Workbook: {written.Workbook}");
        return failed == 0 && hostFailures == 0 ? 0 : 1;
    }

    /// <summary>Removes the images the lessons built with Docker (those carrying the run's label).</summary>
    private static async Task RemoveImagesAsync(string runLabel)
    {
        try
        {
            using var client = DockerEndpoint.Connect(DockerEndpoint.FromEnvironment());
            var removed = await LabelledImages.RemoveAsync(client, runLabel, CancellationToken.None);
            if (removed > 0) Console.WriteLine($"Removed {removed} image(s) the lessons built ({runLabel}).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"Could not remove the images labelled {runLabel}: {e.Message}");
        }
    }

    /// <summary>
    /// The lessons <paramref name="only"/> names by number (<c>00,03</c>), in their usual order; null, after saying
    /// why, when it names no lesson or a number no lesson has.
    /// </summary>
    private static IReadOnlyList<Lesson>? SelectLessons(IReadOnlyList<Lesson> lessons, string only, string notebooks)
    {
        var numbers = new HashSet<int>();
        foreach (var item in only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                Console.Error.WriteLine($"--only takes lesson numbers separated by commas (for example 00,03), not '{item}'.");
                return null;
            }
            if (!lessons.Any(l => l.Number == number))
            {
                Console.Error.WriteLine($"--only: there is no lesson {item} in {notebooks} (there are {string.Join(", ", lessons.Select(l => l.Number.ToString("00", CultureInfo.InvariantCulture)))}).");
                return null;
            }
            numbers.Add(number);
        }
        if (numbers.Count == 0)
        {
            Console.Error.WriteLine("--only takes at least one lesson number (for example 00,03).");
            return null;
        }
        return [.. lessons.Where(l => numbers.Contains(l.Number))];
    }

    private static void PrintCell(CellRun run)
    {
        var outcome = run.Outcome == CellOutcome.Succeeded ? "ok" : "FAILED";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cell {run.Number}/{run.Count}  {outcome,-6}  {run.Duration.TotalSeconds,6:0.0} s"));
        if (run.Cell.Error is { } error)
        {
            foreach (var line in error.Text.Trim().Split('\n').Take(40)) Console.WriteLine("      " + line.TrimEnd('\r'));
        }
    }

    private static (string Notebooks, string Workbook) WriteArtifacts(IReadOnlyList<LessonRun> runs, string output, string hostName)
    {
        var notebooks = Path.Combine(output, "notebooks");
        Directory.CreateDirectory(notebooks);
        foreach (var run in runs) NotebookFile.Save(run.Executed, Path.Combine(notebooks, run.Lesson.Name + ".ipynb"));
        var workbook = Path.Combine(output, "workbook.html");
        File.WriteAllText(workbook, WorkbookHtml.Render(runs, DateTimeOffset.Now, hostName));
        return (notebooks, workbook);
    }
}
