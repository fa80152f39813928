using System.CommandLine;
using System.Globalization;
using EcsWorkshop.Bench;
using EcsWorkshop.Bench.Describe;

var benchmark = new Argument<string>("benchmark")
{
    Description = "Which benchmark to run: all, api, scheduler, registry, lessons, runtime, scaling, listener, describe, classroom or room-engine.",
    DefaultValueFactory = _ => "all",
};
benchmark.AcceptOnlyFromAmong(["all", .. BenchRunner.Names]);
var quick = new Option<bool>("--quick") { Description = "Run at the smoke-test size (seconds in all): the figures then mean little." };
var clients = new Option<string?>("--clients") { Description = "API: the numbers of concurrent clients, comma-separated (default 1,8)." };
var duration = new Option<double?>("--duration") { Description = "API: seconds of measured load per server and client count (default 15)." };
var services = new Option<int?>("--services") { Description = "Scheduler: how many services (default 1000)." };
var tasks = new Option<int?>("--tasks-per-service") { Description = "Scheduler: each service's desired count (default 10)." };
var imageMb = new Option<int?>("--image-mb") { Description = "Registry: the image's size in MB, split evenly over its layers (default 200)." };
var layers = new Option<int?>("--layers") { Description = "Registry: how many layers the image is split into (default 4)." };
var rounds = new Option<int?>("--rounds") { Description = "Registry: push-and-pull rounds per registry (default 3)." };
var kernels = new Option<string?>("--kernels") { Description = "Lessons: the kernels to run them in, comma-separated (default in-process,jupyter)." };
var lessons = new Option<string?>("--lessons") { Description = "Lessons: only these lesson numbers, comma-separated, as `workshop run --only` takes them (default all)." };
var runtimeTasks = new Option<int?>("--runtime-tasks") { Description = "Runtime: how many tasks the service starts per round (default 5)." };
var listenerSeconds = new Option<double?>("--listener-duration") { Description = "Listener: seconds of load per route and path (default 15)." };
var listenerConnections = new Option<int?>("--listener-connections") { Description = "Listener: concurrent connections (default 16)." };
var learners = new Option<int?>("--learners") { Description = "Classroom: simulated learners replaying the workbook at once (default 50); room-engine: the idle room's learners (default 20)." };
var singleLearner = new Option<bool>("--single-learner") { Description = "Classroom: replay against the single-learner `workshop serve` (one learner) instead of `serve --classroom`." };
var calls = new Option<int?>("--calls") { Description = "Classroom: replay only the first N recorded calls (default all)." };
var output = new Option<string?>("--out") { Description = "Where to write the reports (default artifacts/bench in the repository)." };

var root = new RootCommand("Benchmarks of the EcsWorkshop simulator: API load against moto, scheduler scale, registry push and pull, the lessons' wall time.")
{
    benchmark, quick, clients, duration, services, tasks, imageMb, layers, rounds, kernels, lessons, runtimeTasks, listenerSeconds, listenerConnections, learners, singleLearner, calls, output,
};
// The no-logic server the `describe` benchmark starts as its own process; not a benchmark.
var answerFile = new Option<string>("--file") { Required = true };
var answerPort = new Option<int>("--port") { Required = true };
var fixedAnswer = new Command(DescribeBenchmark.FixedAnswerCommand, "Serve a file's bytes to every POST / (the describe benchmark's no-logic endpoint).") { answerFile, answerPort };
fixedAnswer.Hidden = true;
fixedAnswer.SetAction((parse, cancellationToken) => FixedAnswerServer.RunAsync(parse.GetValue(answerFile)!, parse.GetValue(answerPort), cancellationToken));
root.Subcommands.Add(fixedAnswer);
root.SetAction(async (parse, cancellationToken) =>
{
    var settings = parse.GetValue(quick) ? BenchSettings.Quick : BenchSettings.Full;
    if (parse.GetValue(clients) is { } list)
        settings = settings with { Api = settings.Api with { Clients = [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture))] } };
    if (parse.GetValue(duration) is { } seconds) settings = settings with { Api = settings.Api with { Duration = TimeSpan.FromSeconds(seconds) } };
    if (parse.GetValue(services) is { } count) settings = settings with { Scheduler = settings.Scheduler with { Services = count } };
    if (parse.GetValue(tasks) is { } perService) settings = settings with { Scheduler = settings.Scheduler with { TasksPerService = perService } };
    if (parse.GetValue(layers) is not null || parse.GetValue(imageMb) is not null)
    {
        var layerCount = parse.GetValue(layers) ?? settings.Registry.Layers;
        var totalBytes = parse.GetValue(imageMb) is { } megabytes ? megabytes * 1_000_000L : settings.Registry.Layers * settings.Registry.LayerBytes;
        settings = settings with { Registry = settings.Registry with { Layers = layerCount, LayerBytes = totalBytes / layerCount } };
    }
    if (parse.GetValue(rounds) is { } roundCount) settings = settings with { Registry = settings.Registry with { Repetitions = roundCount } };
    if (parse.GetValue(kernels) is { } kernelList)
        settings = settings with { Lessons = settings.Lessons with { Kernels = [.. kernelList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] } };
    if (parse.GetValue(lessons) is { } only) settings = settings with { Lessons = settings.Lessons with { Only = only } };

    if (parse.GetValue(runtimeTasks) is { } taskCount) settings = settings with { Runtime = settings.Runtime with { Tasks = taskCount } };
    if (parse.GetValue(listenerSeconds) is { } loadSeconds) settings = settings with { Listener = settings.Listener with { Duration = TimeSpan.FromSeconds(loadSeconds) } };
    if (parse.GetValue(listenerConnections) is { } connections) settings = settings with { Listener = settings.Listener with { Connections = connections } };

    if (parse.GetValue(learners) is { } learnerCount)
        settings = settings with { Classroom = settings.Classroom with { Learners = learnerCount }, RoomEngine = settings.RoomEngine with { Learners = learnerCount } };
    if (parse.GetValue(singleLearner)) settings = settings with { Classroom = settings.Classroom with { Classroom = false, Learners = 1 } };
    if (parse.GetValue(calls) is { } callCount) settings = settings with { Classroom = settings.Classroom with { Calls = callCount } };

    var name = parse.GetValue(benchmark)!;
    var directory = parse.GetValue(output) ?? Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "artifacts", "bench");
    await BenchRunner.RunAndWriteAsync(name == "all" ? BenchRunner.Names : [name], settings, directory, Console.Out, cancellationToken);
    return 0;
});
return await root.Parse(args).InvokeAsync();

// The folder holding Workshop.sln, from the current directory up.
static string? RepositoryRoot()
{
    for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        if (File.Exists(Path.Combine(directory.FullName, "Workshop.sln"))) return directory.FullName;
    return null;
}
