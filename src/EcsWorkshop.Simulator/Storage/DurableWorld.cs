namespace EcsWorkshop.Simulator.Storage;

/// <summary>A change being built against one immutable world: the world so far and the changes to store.</summary>
public interface IWorldTransaction<out TWorld>
{
    /// <summary>The world as this transaction has changed it so far.</summary>
    TWorld World { get; }

    /// <summary>The records written and removed, in order (the storage adapter makes rows of them).</summary>
    IReadOnlyList<RecordChange> Changes { get; }
}

/// <summary>
/// One service's immutable world, kept durable: changes are applied one at a time under a lock, stored in one
/// SQLite transaction (as rows made by the service's storage adapter, <paramref name="rows"/>), and only then made
/// visible. An exception inside a change discards it whole.
/// </summary>
public sealed class DurableWorld<TWorld>(StateStore store, RowKinds rows, TWorld initial) where TWorld : class
{
    private readonly Lock _gate = new();
    private volatile TWorld _current = initial;

    /// <summary>The current world (a consistent snapshot).</summary>
    public TWorld Current => _current;

    /// <summary>
    /// Builds a transaction on the current world, runs the change, stores it and publishes the result; then, still in
    /// commit order, hands the previous world and the transaction to <paramref name="committed"/>.
    /// </summary>
    public TResult Mutate<TTransaction, TResult>(
        Func<TWorld, TTransaction> begin,
        Func<TTransaction, TResult> change,
        Action<TWorld, TTransaction>? committed = null)
        where TTransaction : IWorldTransaction<TWorld>
    {
        lock (_gate)
        {
            var before = _current;
            var transaction = begin(before);
            var result = change(transaction);
            if (transaction.Changes.Count == 0) return result;
            store.Apply([.. transaction.Changes.Select(rows.ToRow)]);
            _current = transaction.World;
            committed?.Invoke(before, transaction);
            return result;
        }
    }
}
