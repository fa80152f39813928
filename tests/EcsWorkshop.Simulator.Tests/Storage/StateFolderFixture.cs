using EcsWorkshop.Simulator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EcsWorkshop.Simulator.Tests.Storage;

/// <summary>
/// The state folder written by <c>workshop serve</c> at commit e821371, before state folders had a schema version
/// (<c>Storage/Fixtures/README.md</c> says what is in it and how it was made), and what a test needs to know about it.
/// Tests open copies, never the committed folder.
/// </summary>
public static class StateFolderFixture
{
    public const string WebCluster = "fixture-web";
    public const string BatchCluster = "fixture-batch";
    public const string Family = "fixture-web";
    public const string RepositoryName = "fixture/web";
    public const string LogGroup = "/ecs/fixture-web";
    public const string ImageDigest = "sha256:e53254f217b268e9c368f166d318ed106c2ec5a3bfe1f8c6c0d53033a5c01d55";
    public const string StoppedTaskId = "b4258dc80507dbd692df8a88a550f1dc";
    public const string StoppedReason = "fixture: stopped on purpose";

    /// <summary>The ids of the service's two RUNNING tasks.</summary>
    public static readonly string[] ServiceTaskIds = ["80c749144b265815fccba9fae29f6bba", "c109b3bc6acabbbd793f08657241f614"];

    /// <summary>A moment just after the last change in the folder (for a clock that must not move past it).</summary>
    public static readonly DateTimeOffset WrittenAt = new(2026, 12, 6, 21, 6, 30, TimeSpan.Zero);

    /// <summary>The committed folder.</summary>
    public static string Source => RepositoryRoot.File("tests/EcsWorkshop.Simulator.Tests/Storage/Fixtures/state-e821371");

    /// <summary>A fresh copy of the folder in a temporary directory.</summary>
    public static string Copy()
    {
        var target = Directory.CreateTempSubdirectory("ecs-workshop-fixture-").FullName;
        foreach (var file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    /// <summary>The schema version mark of a folder's <c>state.db</c> (SQLite's <c>user_version</c>).</summary>
    public static long SchemaVersionOf(string folder, string database = "state.db")
    {
        using var connection = Open(folder, database);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Runs one SQL statement on a folder's <c>state.db</c> while no simulator holds it.</summary>
    public static void Execute(string folder, string sql)
    {
        using var connection = Open(folder);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The JSON of one stored row, or null.</summary>
    public static string? RowOf(string folder, string kind, string key)
    {
        using var connection = Open(folder);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM entities WHERE kind = $kind AND key = $key;";
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static SqliteConnection Open(string folder, string database = "state.db")
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, database),
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }
}

/// <summary>Reading a whole store, for comparisons.</summary>
public static class StateStoreRows
{
    /// <summary>Every row of every kind the adapters know, as (kind, key) → JSON.</summary>
    public static Dictionary<(string Kind, string Key), string> AllRows(this EcsWorkshop.Simulator.Storage.StateStore store)
    {
        var kinds = EcsWorkshop.Simulator.Ecs.Persistence.EcsRows.Kinds.Names
            .Concat(EcsWorkshop.Simulator.Ecr.Persistence.EcrRows.Kinds.Names)
            .Concat(EcsWorkshop.Simulator.Logs.Persistence.LogsRows.Kinds.Names);
        return kinds.SelectMany(kind => store.Load(kind).Select(row => (kind, row.Key, row.Json)))
            .ToDictionary(row => (row.kind, row.Key), row => row.Json);
    }
}
