using Microsoft.Data.Sqlite;

namespace EcsWorkshop.Simulator.Storage;

/// <summary>
/// The version of the state folder's schema, kept in <c>state.db</c> (SQLite's <c>PRAGMA user_version</c>), and the
/// steps that bring an older folder up to date. A folder without a mark (version 0) was written before versions
/// existed (up to commit e821371). Opening a folder:
/// <list type="bullet">
/// <item>new (no table yet): created at <see cref="CurrentVersion"/>;</item>
/// <item>older: a copy is kept (<see cref="BackupName"/>), then every step from its version on runs in one SQLite
/// transaction with the new mark, so the folder is either wholly migrated or left as it was;</item>
/// <item>newer: refused (<see cref="StateFolderException.TooNew"/>), nothing is touched.</item>
/// </list>
/// Raise <see cref="CurrentVersion"/> and add a step to <see cref="Steps"/> whenever stored rows change shape.
/// </summary>
public static class StateSchema
{
    /// <summary>The schema version this simulator writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>One migration: what it does (for the error line), and the SQL work from its version to the next.</summary>
    public sealed record Step(int From, string Purpose, Action<SqliteConnection, SqliteTransaction> Apply);

    /// <summary>The migration steps, step <c>n</c> taking version <c>n</c> to <c>n + 1</c>.</summary>
    public static IReadOnlyList<Step> Steps { get; } =
    [
        // Version 0 stored, on each service, a fingerprint of the CreateService request taken from the storage
        // serialisation of the domain command; version 1 fingerprints the request as the client sent it. An old
        // fingerprint can never match a new one, so it is dropped: the client token alone then identifies a retry.
        new(0, "forget the CreateService request fingerprints of the old format", (connection, transaction) =>
            Execute(connection, transaction,
                "UPDATE entities SET json = json_remove(json, '$.RequestFingerprint') WHERE kind = 'ecs/service';")),
    ];

    /// <summary>The name of the copy of <c>state.db</c> kept before migrating from <paramref name="version"/>.</summary>
    public static string BackupName(int version) => $"state.v{version}.db";

    /// <summary>Brings an opened <c>state.db</c> to <see cref="CurrentVersion"/>, or refuses it; see the class remarks.</summary>
    internal static void Prepare(SqliteConnection connection, string? directory)
    {
        int found;
        bool hasEntities;
        try
        {
            found = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"));
            hasEntities = Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'entities';")) > 0;
        }
        catch (SqliteException e)
        {
            throw StateFolderException.Unreadable(directory, $"state.db is not a database this workshop can open ({OneLine(e.Message)})", e);
        }
        if (found > CurrentVersion) throw StateFolderException.TooNew(directory, found, CurrentVersion);
        if (!hasEntities)
        {
            using var create = connection.BeginTransaction();
            Execute(connection, create, "CREATE TABLE entities (kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;");
            Execute(connection, create, $"PRAGMA user_version = {CurrentVersion};");
            create.Commit();
            return;
        }
        if (found == CurrentVersion) return;
        if (directory is not null) KeepCopy(connection, directory, found);
        using var transaction = connection.BeginTransaction();
        var step = Steps[found];
        try
        {
            for (var version = found; version < CurrentVersion; version++)
            {
                step = Steps[version];
                step.Apply(connection, transaction);
            }
            Execute(connection, transaction, $"PRAGMA user_version = {CurrentVersion};");
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            transaction.Rollback();
            throw StateFolderException.CannotMigrate(directory, found, CurrentVersion, $"the step to {step.Purpose} failed ({OneLine(e.Message)})", e);
        }
    }

    private static void KeepCopy(SqliteConnection connection, string directory, int version)
    {
        var backup = Path.Combine(directory, BackupName(version));
        if (File.Exists(backup)) return;
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $path;";
        command.Parameters.AddWithValue("$path", backup);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            throw StateFolderException.CannotMigrate(directory, version, CurrentVersion, $"its copy {BackupName(version)} could not be written first ({OneLine(e.Message)})", e);
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").TrimEnd('.');
}
