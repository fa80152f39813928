using Microsoft.Data.Sqlite;

namespace EcsWorkshop.Simulator.Storage;

/// <summary>One stored row change: an entity written (with its JSON) or removed (JSON null).</summary>
public sealed record EntityChange(string Kind, string Key, string? Json)
{
    /// <summary>A removal.</summary>
    public static EntityChange Delete(string kind, string key) => new(kind, key, null);
}

/// <summary>
/// The durable store under the state directory: one SQLite database (WAL, full sync) holding every entity as JSON,
/// keyed by kind and key. A batch of changes is one transaction, so a change is either wholly stored or not at all;
/// once <see cref="Apply"/> returns, the change survives a killed process.
/// A lock file keeps a second server from opening the same state directory. The database records the version of its
/// schema; opening an older one migrates it, a newer one is refused (<see cref="StateSchema"/>).
/// </summary>
public sealed class StateStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly FileStream? _lock;
    private readonly Lock _gate = new();

    private StateStore(SqliteConnection connection, FileStream? @lock, string? directory)
    {
        _connection = connection;
        _lock = @lock;
        Directory = directory;
        try
        {
            Execute("PRAGMA journal_mode=WAL;");
            Execute("PRAGMA synchronous=FULL;");
            StateSchema.Prepare(connection, directory);
        }
        catch (Exception e)
        {
            connection.Dispose();
            @lock?.Dispose();
            if (e is SqliteException sqlite)
                throw StateFolderException.Unreadable(directory, $"state.db is not a database this workshop can open ({sqlite.Message.ReplaceLineEndings(" ").TrimEnd('.')})", e);
            throw;
        }
    }

    /// <summary>The state directory, or null for an in-memory store.</summary>
    public string? Directory { get; }

    /// <summary>Opens (or creates) the store in a directory; fails if another process holds it.</summary>
    public static StateStore Open(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        FileStream @lock;
        try
        {
            @lock = new FileStream(Path.Combine(directory, "state.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StateDirectoryInUseException(directory, e);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "state.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        return new StateStore(connection, @lock, directory);
    }

    /// <summary>A store that lives only as long as this object (for tests and throwaway runs).</summary>
    public static StateStore InMemory()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return new StateStore(connection, null, null);
    }

    /// <summary>Every stored entity of one kind, as (key, JSON).</summary>
    public IReadOnlyList<(string Key, string Json)> Load(string kind)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT key, json FROM entities WHERE kind = $kind ORDER BY key;";
            command.Parameters.AddWithValue("$kind", kind);
            using var reader = command.ExecuteReader();
            var rows = new List<(string, string)>();
            while (reader.Read()) rows.Add((reader.GetString(0), reader.GetString(1)));
            return rows;
        }
    }

    /// <summary>Stores a batch of changes atomically.</summary>
    public void Apply(IReadOnlyCollection<EntityChange> changes)
    {
        if (changes.Count == 0) return;
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var upsert = _connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = "INSERT INTO entities (kind, key, json) VALUES ($kind, $key, $json) ON CONFLICT (kind, key) DO UPDATE SET json = excluded.json;";
            var kind = upsert.Parameters.Add("$kind", SqliteType.Text);
            var key = upsert.Parameters.Add("$key", SqliteType.Text);
            var json = upsert.Parameters.Add("$json", SqliteType.Text);
            using var delete = _connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM entities WHERE kind = $kind AND key = $key;";
            var deleteKind = delete.Parameters.Add("$kind", SqliteType.Text);
            var deleteKey = delete.Parameters.Add("$key", SqliteType.Text);
            foreach (var change in changes)
            {
                if (change.Json is null)
                {
                    deleteKind.Value = change.Kind;
                    deleteKey.Value = change.Key;
                    delete.ExecuteNonQuery();
                }
                else
                {
                    kind.Value = change.Kind;
                    key.Value = change.Key;
                    json.Value = change.Json;
                    upsert.ExecuteNonQuery();
                }
            }
            transaction.Commit();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        lock (_gate) _connection.Dispose();
        _lock?.Dispose();
    }
}

/// <summary>Another simulator already owns the state directory.</summary>
public sealed class StateDirectoryInUseException(string directory, Exception inner)
    : Exception($"The state directory '{directory}' is in use by another simulator process.", inner)
{
    public string StateDirectory { get; } = directory;
}
