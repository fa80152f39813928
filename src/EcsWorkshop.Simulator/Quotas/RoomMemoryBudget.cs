using System.Globalization;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Simulator.Quotas;

/// <summary>
/// The memory one machine lends a whole classroom: every learner's tasks together may ask for at most
/// <see cref="TotalMiB"/> MiB (a task counts its task-level memory, which the Docker runtime makes its containers'
/// hard limit, from PROVISIONING until it is STOPPED). One budget is shared by every learner's
/// <see cref="Hosting.Simulation"/>; each joins it once (<see cref="Join"/>) and asks its share before a task starts.
/// A task that does not fit does not start, with Fargate's words for missing capacity.
/// </summary>
/// <remarks>
/// Nothing is booked and released by hand: what a learner holds is read from their ECS world (committed, or the
/// change being made), so a stopped task frees its memory as soon as it is STOPPED, and a restart on the same state
/// finds the same figures. A share that has just said yes remembers what it counted until its change is committed,
/// so two learners starting tasks at the same moment cannot both take the last megabytes.
/// </remarks>
public sealed class RoomMemoryBudget
{
    private readonly Lock _gate = new();
    private readonly List<RoomMemoryShare> _shares = [];

    /// <summary>A budget of <paramref name="totalMiB"/> MiB (at least 1).</summary>
    public RoomMemoryBudget(long totalMiB)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalMiB, 1);
        TotalMiB = totalMiB;
    }

    /// <summary>The memory the whole room may hold, in MiB.</summary>
    public long TotalMiB { get; }

    /// <summary>The memory the machine has (its cgroup limit when there is one), in MiB.</summary>
    public static long MachineMiB => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024);

    /// <summary>
    /// How many times the machine's memory a classroom's tasks may ask for by default. A task asks for its task
    /// memory (at least 512 MiB on Fargate) but the lessons' containers use about 1.4 MiB each
    /// (docs/performance-runtime.md), so asking is overcommitted; eight times the machine still stops a room, or a
    /// learner's task definition asking for 30 GiB, from asking for far more than the machine could ever give.
    /// </summary>
    public const int DefaultOvercommit = 8;

    /// <summary>The default budget of a classroom on this machine, in MiB: <see cref="DefaultOvercommit"/> times its memory.</summary>
    public static long MachineDefaultMiB => MachineMiB * DefaultOvercommit;

    /// <summary>What the room's tasks hold now, in MiB.</summary>
    public long ReservedMiB
    {
        get
        {
            lock (_gate) return _shares.Sum(s => s.HeldMiB());
        }
    }

    /// <summary>
    /// Adds one learner: <paramref name="committedWorld"/> reads their ECS world as last committed. A share stays for the
    /// budget's life, so a server that starts again makes a new budget (as <c>workshop serve</c> does at each start).
    /// </summary>
    public RoomMemoryShare Join(Func<EcsWorld> committedWorld)
    {
        var share = new RoomMemoryShare(this, committedWorld);
        lock (_gate) _shares.Add(share);
        return share;
    }

    /// <summary>
    /// Whether a task asking <paramref name="taskMiB"/> fits when the asking learner's world (their change so far)
    /// is <paramref name="current"/>; when it does, the share remembers the claim until the change is committed.
    /// </summary>
    internal bool TryClaim(RoomMemoryShare asking, EcsWorld current, long taskMiB)
    {
        lock (_gate)
        {
            // The change being made already holds the tasks it launched before this one.
            var mine = RoomMemoryShare.LiveMiB(current);
            var others = _shares.Where(s => !ReferenceEquals(s, asking)).Sum(s => s.HeldMiB());
            if (mine + others + taskMiB > TotalMiB) return false;
            asking.Remember(mine + taskMiB);
            return true;
        }
    }

    /// <summary>The memory a task asks for: its task-level memory, else the sum of its containers' (MiB).</summary>
    public static long MemoryOf(EcsTask task) =>
        ParseMiB(task.Memory) ?? task.Containers.Sum(c => ParseMiB(c.Memory) ?? ParseMiB(c.MemoryReservation) ?? 0);

    /// <summary>A memory figure as ECS writes it ("512"), or null.</summary>
    public static long? ParseMiB(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mib) ? mib : null;
}

/// <summary>One learner's part of a <see cref="RoomMemoryBudget"/>.</summary>
public sealed class RoomMemoryShare
{
    private readonly RoomMemoryBudget _budget;
    private readonly Func<EcsWorld> _committedWorld;
    private EcsWorld? _claimedOver;
    private long _claimedMiB;

    internal RoomMemoryShare(RoomMemoryBudget budget, Func<EcsWorld> committedWorld)
    {
        _budget = budget;
        _committedWorld = committedWorld;
    }

    /// <summary>The budget this share belongs to.</summary>
    public RoomMemoryBudget Budget => _budget;

    /// <summary>
    /// Whether a task asking <paramref name="taskMiB"/> MiB may start, <paramref name="current"/> being this learner's
    /// world with the change being made.
    /// </summary>
    public bool TryClaim(EcsWorld current, long taskMiB) => _budget.TryClaim(this, current, taskMiB);

    /// <summary>What this learner holds as the others see it (called under the budget's lock).</summary>
    internal long HeldMiB()
    {
        var committed = _committedWorld();
        var live = LiveMiB(committed);
        // A claim made over a world that is still the committed one has not been committed yet: it still counts.
        return _claimedOver is not null && ReferenceEquals(_claimedOver, committed) ? Math.Max(live, _claimedMiB) : live;
    }

    /// <summary>Remembers what a claim counted, over the world committed when it was made.</summary>
    internal void Remember(long totalMiB)
    {
        _claimedOver = _committedWorld();
        _claimedMiB = totalMiB;
    }

    /// <summary>The memory of the tasks of <paramref name="world"/> that are not yet STOPPED.</summary>
    internal static long LiveMiB(EcsWorld world) =>
        world.Tasks.Values.Where(t => t.IsAlive).Sum(RoomMemoryBudget.MemoryOf);
}
