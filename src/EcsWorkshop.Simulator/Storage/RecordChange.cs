namespace EcsWorkshop.Simulator.Storage;

/// <summary>
/// One record a transaction wrote or removed, in the domain's own terms: no kind names, no JSON. The storage adapter
/// of each service (<see cref="RowKinds"/>) turns it into a row when the transaction is committed.
/// </summary>
public abstract record RecordChange
{
    private RecordChange()
    {
    }

    /// <summary>A record written (created or replaced).</summary>
    public sealed record Written(object Record) : RecordChange;

    /// <summary>A record of type <see cref="RecordType"/> removed, by key.</summary>
    public sealed record Removed(Type RecordType, string Key) : RecordChange;

    /// <summary>A write of <paramref name="record"/>.</summary>
    public static RecordChange Write<T>(T record) where T : class => new Written(record);

    /// <summary>The removal of the <typeparamref name="T"/> stored under <paramref name="key"/>.</summary>
    public static RecordChange Remove<T>(string key) where T : class => new Removed(typeof(T), key);
}
