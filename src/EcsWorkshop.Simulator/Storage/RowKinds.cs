using System.Collections.Immutable;
using System.Text.Json;

namespace EcsWorkshop.Simulator.Storage;

/// <summary>How one type of record is stored: the kind name of its rows, its key, and its JSON (<see cref="StorageJson"/>).</summary>
public interface IRowKind
{
    /// <summary>The kind name of the rows (<c>ecs/task</c>): part of the state folder's schema.</summary>
    string Name { get; }

    /// <summary>The domain record type stored under this kind.</summary>
    Type RecordType { get; }

    /// <summary>The row that stores <paramref name="record"/>.</summary>
    EntityChange ToRow(object record);
}

/// <summary>One kind of row: a record type, its kind name and the function giving its key.</summary>
public sealed class RowKind<T>(string name, Func<T, string> keyOf) : IRowKind where T : class
{
    public string Name { get; } = name;

    public Type RecordType => typeof(T);

    public EntityChange ToRow(object record)
    {
        var value = (T)record;
        return new EntityChange(Name, keyOf(value), JsonSerializer.Serialize(value, StorageJson.Options));
    }

    /// <summary>
    /// Every stored row of this kind, read into <paramref name="empty"/>'s kind of dictionary. A row this version
    /// cannot read stops the load with a <see cref="StateFolderException"/>: never a half-read world.
    /// </summary>
    public ImmutableSortedDictionary<string, T> LoadAll(StateStore store, ImmutableSortedDictionary<string, T> empty)
    {
        var builder = empty.ToBuilder();
        foreach (var (key, json) in store.Load(Name))
        {
            T? record;
            try
            {
                record = JsonSerializer.Deserialize<T>(json, StorageJson.Options);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
            {
                throw StateFolderException.Unreadable(store.Directory, $"its {Name} '{key}' cannot be read ({e.Message.Split('\n')[0].TrimEnd('.')})");
            }
            builder[key] = record ?? throw StateFolderException.Unreadable(store.Directory, $"its {Name} '{key}' is empty");
        }
        return builder.ToImmutable();
    }
}

/// <summary>
/// The storage adapter of one service: the kinds of rows its world is stored as. It turns a transaction's
/// <see cref="RecordChange"/>s into rows; the world is read back kind by kind (<see cref="RowKind{T}.LoadAll"/>).
/// </summary>
public sealed class RowKinds
{
    private readonly Dictionary<Type, IRowKind> _byType;

    public RowKinds(params IRowKind[] kinds)
    {
        _byType = kinds.ToDictionary(k => k.RecordType);
        Names = [.. kinds.Select(k => k.Name)];
    }

    /// <summary>The kind names, in the order given.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The row a change writes or deletes.</summary>
    public EntityChange ToRow(RecordChange change) => change switch
    {
        RecordChange.Written written => KindOf(written.Record.GetType()).ToRow(written.Record),
        RecordChange.Removed removed => EntityChange.Delete(KindOf(removed.RecordType).Name, removed.Key),
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private IRowKind KindOf(Type type) => _byType.TryGetValue(type, out var kind)
        ? kind
        : throw new InvalidOperationException($"No row kind stores {type.Name}; add one to the service's storage adapter.");
}
