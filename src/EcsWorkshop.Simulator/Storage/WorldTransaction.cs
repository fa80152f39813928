namespace EcsWorkshop.Simulator.Storage;

/// <summary>
/// What every service's transaction shares: the world as changed so far, the moment of the change, and the rule that
/// each change to the world is recorded with it (as a <see cref="RecordChange"/>, which the storage adapter turns into
/// rows at commit). A service's transaction adds one short <c>Put</c>/<c>Remove</c> per kind of record.
/// </summary>
public abstract class WorldTransaction<TWorld>(TWorld world, DateTimeOffset now) : IWorldTransaction<TWorld>
{
    private readonly List<RecordChange> _changes = [];

    /// <summary>The world as this transaction has changed it so far.</summary>
    public TWorld World { get; private set; } = world;

    /// <summary>The simulation time of this change: every timestamp it writes uses it.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>The changes recorded, in order.</summary>
    public IReadOnlyList<RecordChange> Changes => _changes;

    /// <summary>Applies <paramref name="change"/> (which stores <paramref name="record"/> in the world) and records the write.</summary>
    protected void Write<T>(T record, Func<TWorld, T, TWorld> change) where T : class
    {
        World = change(World, record);
        _changes.Add(RecordChange.Write(record));
    }

    /// <summary>Applies <paramref name="change"/> (which drops the record under <paramref name="key"/>) and records the removal.</summary>
    protected void Delete<T>(string key, Func<TWorld, string, TWorld> change) where T : class
    {
        World = change(World, key);
        _changes.Add(RecordChange.Remove<T>(key));
    }
}
