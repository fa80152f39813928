using System.CommandLine;
using System.Globalization;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Quotas;
using EcsWorkshop.Simulator.Runtime;

namespace EcsWorkshop.Cli.Commands;

/// <summary>
/// <c>workshop serve</c>'s quota options: how much each learner's account may hold (<see cref="AccountQuotas"/>) and
/// the memory the whole room's task containers may ask for (<see cref="RoomMemoryBudget"/>). A classroom
/// (<c>--classroom</c>) starts from <see cref="AccountQuotas.Classroom"/> and, unless the runtime is the simulated one,
/// a room budget of <see cref="RoomMemoryBudget.MachineDefaultMiB"/>; a learner's own simulator has no limits unless an option sets one. Each
/// option takes a whole number; 0 lifts that limit.
/// </summary>
public sealed class ServeQuotaOptions
{
    private readonly Option<int?> _tasks = Limit("--max-tasks", "Tasks per learner not yet STOPPED (RunTask and services together)", AccountQuotas.Classroom.Tasks);
    private readonly Option<int?> _containers = Limit("--max-containers", "Task containers per learner (with the Docker runtime, real containers)", AccountQuotas.Classroom.Containers);
    private readonly Option<int?> _services = Limit("--max-services", "Services per learner", AccountQuotas.Classroom.Services);
    private readonly Option<int?> _loadBalancers = Limit("--max-load-balancers", "Load balancers per learner", AccountQuotas.Classroom.LoadBalancers);
    private readonly Option<int?> _targetGroups = Limit("--max-target-groups", "Target groups per learner", AccountQuotas.Classroom.TargetGroups);
    private readonly Option<int?> _listeners = Limit("--max-listeners", "Listeners per learner (each one opens a port)", AccountQuotas.Classroom.Listeners);
    private readonly Option<int?> _registryMiB = Limit("--max-registry-mib", "Registry storage per learner, in MiB",
        (int?)(AccountQuotas.Classroom.RegistryStorageBytes / (1024 * 1024)));
    private readonly Option<int?> _roomMemoryMiB = new("--room-memory-mib")
    {
        Description = "The memory (MiB) every learner's tasks together may ask for; a task that does not fit gets Fargate's " +
                      "\"Capacity is unavailable\" (classroom default with a container runtime: 8 times the machine's memory; 0: no budget).",
    };

    private static Option<int?> Limit(string name, string what, int? classroomDefault) => new(name)
    {
        Description = $"{what}; over it AWS's limit-exceeded answer (classroom default {classroomDefault?.ToString(CultureInfo.InvariantCulture)}; 0: no limit).",
    };

    private IEnumerable<Option<int?>> All => [_tasks, _containers, _services, _loadBalancers, _targetGroups, _listeners, _registryMiB, _roomMemoryMiB];

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
    }

    /// <summary>
    /// <paramref name="options"/> with the quotas and the room budget the command line asks for, or an error message
    /// (a negative number).
    /// </summary>
    public (SimulatorOptions Options, string? Error) Apply(ParseResult parse, SimulatorOptions options)
    {
        foreach (var option in All)
            if (parse.GetValue(option) is < 0)
                return (options, $"{option.Name} must be 0 (no limit) or more, not {parse.GetValue(option)}.");

        var classroom = options.Classroom is not null;
        var start = classroom ? AccountQuotas.Classroom : AccountQuotas.None;
        var quotas = start with
        {
            Tasks = Pick(parse, _tasks, start.Tasks),
            Containers = Pick(parse, _containers, start.Containers),
            Services = Pick(parse, _services, start.Services),
            LoadBalancers = Pick(parse, _loadBalancers, start.LoadBalancers),
            TargetGroups = Pick(parse, _targetGroups, start.TargetGroups),
            Listeners = Pick(parse, _listeners, start.Listeners),
            RegistryStorageBytes = Pick(parse, _registryMiB, (int?)(start.RegistryStorageBytes / (1024 * 1024))) * 1024L * 1024L,
        };
        var roomDefault = classroom && options.Runtime != RuntimeChoice.Simulated ? RoomMemoryBudget.MachineDefaultMiB : (long?)null;
        var roomMiB = parse.GetValue(_roomMemoryMiB) is { } given ? (given == 0 ? null : given) : roomDefault;
        return (options with
        {
            Simulation = options.Simulation with
            {
                Quotas = quotas == AccountQuotas.None ? AccountQuotas.None : quotas,
                RoomMemory = roomMiB is { } mib ? new RoomMemoryBudget(mib) : null,
            },
        }, null);
    }

    private static int? Pick(ParseResult parse, Option<int?> option, int? fallback) =>
        parse.GetValue(option) is { } given ? (given == 0 ? null : given) : fallback;

    /// <summary>One line for the start-up banner, or null when nothing is limited.</summary>
    public static string? Describe(SimulatorOptions options)
    {
        var quotas = options.Simulation.Quotas;
        var room = options.Simulation.RoomMemory;
        if (quotas.IsUnlimited && room is null) return null;
        var parts = new List<string>();
        void Add(string name, long? value) { if (value is { } v) parts.Add($"{name} {v.ToString(CultureInfo.InvariantCulture)}"); }
        Add("tasks", quotas.Tasks);
        Add("containers", quotas.Containers);
        Add("services", quotas.Services);
        Add("load balancers", quotas.LoadBalancers);
        Add("target groups", quotas.TargetGroups);
        Add("listeners", quotas.Listeners);
        Add("registry MiB", quotas.RegistryStorageBytes / (1024 * 1024));
        var perLearner = parts.Count == 0 ? "none" : string.Join(", ", parts);
        return $"Quotas per learner: {perLearner}; room memory: {(room is null ? "no budget" : $"{room.TotalMiB.ToString(CultureInfo.InvariantCulture)} MiB")} (see README, Quotas).";
    }
}
