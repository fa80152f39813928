using System.Globalization;
using EcsWorkshop.Simulator.Storage;
using EcsWorkshop.Simulator.Tests.Support;
using static EcsWorkshop.Simulator.Tests.Storage.StateFolderFixture;

namespace EcsWorkshop.Simulator.Tests.Storage;

/// <summary>
/// The state folder records its schema version: <c>workshop serve</c> migrates an older folder, and refuses a newer or
/// unreadable one with one line naming the folder and the versions, and exit code 2.
/// </summary>
public sealed class StateSchemaVersionTests : IDisposable
{
    private const string ServiceKey = "arn:aws:ecs:ap-northeast-1:123456789012:service/fixture-web/web";

    private readonly string _folder = Copy();

    public void Dispose() => Delete(_folder);

    private Task<ProcessResult> ServeAsync() =>
        WorkshopProcess.RunAsync("serve", "--port", "0", "--state-dir", _folder);

    private static string OnlyLine(ProcessResult result)
    {
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Assert.Single(lines);
    }

    [Fact]
    public async Task A_folder_marked_with_a_future_version_is_refused_in_one_line_with_exit_code_2()
    {
        Execute(_folder, "PRAGMA user_version = 7;");
        var before = RowOf(_folder, "ecs/service", ServiceKey);

        var result = await ServeAsync();

        Assert.Equal(2, result.ExitCode);
        var line = OnlyLine(result);
        Assert.Equal(
            $"The state folder {_folder} was written by a newer workshop (state schema version 7); this workshop reads schema version {StateSchema.CurrentVersion} and older. " +
            "Update the workshop, or give --state-dir another folder.", line);
        Assert.DoesNotContain("listening", result.StandardOutput);
        Assert.Equal(7, SchemaVersionOf(_folder));
        Assert.Equal(before, RowOf(_folder, "ecs/service", ServiceKey));
        Assert.False(File.Exists(Path.Combine(_folder, StateSchema.BackupName(0))));
    }

    [Fact]
    public async Task An_unmarked_folder_from_e821371_is_migrated_and_served_by_workshop_serve()
    {
        Assert.Equal(0, SchemaVersionOf(_folder));

        using (var server = WorkshopProcess.Start("serve", "--port", "0", "--state-dir", _folder, "--runtime", "simulated"))
        {
            var endpoint = await server.WaitForEndpointAsync();
            var cli = new AwsCli(endpoint);
            var clusters = (await cli.RunAsync("ecs", "list-clusters")).Succeeded().Json.GetProperty("clusterArns")
                .EnumerateArray().Select(a => a.GetString()!.Split('/')[^1]);
            var images = (await cli.RunAsync("ecr", "list-images", "--repository-name", RepositoryName)).Succeeded().Json.GetProperty("imageIds");
            var notes = (await cli.RunAsync("logs", "get-log-events", "--log-group-name", LogGroup, "--log-stream-name", "notes", "--start-from-head"))
                .Succeeded().Json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString());
            var running = (await cli.RunAsync("ecs", "list-tasks", "--cluster", WebCluster, "--service-name", "web")).Succeeded().Json
                .GetProperty("taskArns").EnumerateArray().Select(a => a.GetString()!.Split('/')[^1]);

            Assert.Equal([BatchCluster, WebCluster], clusters.Order());
            Assert.Equal((ImageDigest, "v1"), (images[0].GetProperty("imageDigest").GetString(), images[0].GetProperty("imageTag").GetString()));
            Assert.Equal(["first note", "二つ目のメモ"], notes);
            Assert.Equal(ServiceTaskIds, running.Order());
        }

        Assert.Equal(StateSchema.CurrentVersion, SchemaVersionOf(_folder));
        var backup = Path.Combine(_folder, StateSchema.BackupName(0));
        Assert.True(File.Exists(backup), "the folder's old database is kept next to it");
        Assert.Equal(0, SchemaVersionOf(_folder, StateSchema.BackupName(0)));
    }

    [Fact]
    public void Migrating_from_version_0_forgets_the_old_request_fingerprints_and_nothing_else()
    {
        var rowsBefore = Rows(_folder);
        Assert.Contains("\"RequestFingerprint\"", rowsBefore[("ecs/service", ServiceKey)]);

        StateStore.Open(_folder).Dispose();

        var rowsAfter = Rows(_folder);
        Assert.Equal(rowsBefore.Keys.Order(), rowsAfter.Keys.Order());
        Assert.DoesNotContain("RequestFingerprint", rowsAfter[("ecs/service", ServiceKey)]);
        Assert.All(rowsBefore.Where(r => r.Key.Kind != "ecs/service"), r => Assert.Equal(r.Value, rowsAfter[r.Key]));
    }

    [Fact]
    public void A_new_folder_is_marked_with_the_current_version_and_needs_no_copy()
    {
        var folder = Directory.CreateTempSubdirectory("ecs-workshop-new-state-").FullName;
        try
        {
            StateStore.Open(folder).Dispose();

            Assert.Equal(StateSchema.CurrentVersion, SchemaVersionOf(folder));
            Assert.False(File.Exists(Path.Combine(folder, StateSchema.BackupName(0))));
        }
        finally
        {
            Delete(folder);
        }
    }

    [Fact]
    public void Every_version_below_the_current_one_has_exactly_one_migration_step()
    {
        Assert.Equal(Enumerable.Range(0, StateSchema.CurrentVersion), StateSchema.Steps.Select(s => s.From));
    }

    [Fact]
    public async Task A_migration_that_fails_leaves_the_folder_as_it_was_and_says_so_in_one_line()
    {
        Execute(_folder, $"UPDATE entities SET json = '{{not json' WHERE kind = 'ecs/service' AND key = '{ServiceKey}';");
        var before = Rows(_folder);

        var result = await ServeAsync();

        Assert.Equal(2, result.ExitCode);
        var line = OnlyLine(result);
        Assert.StartsWith($"The state folder {_folder} (state schema version 0) cannot be migrated to schema version {StateSchema.CurrentVersion}: ", line);
        Assert.EndsWith("Nothing was changed; give --state-dir another folder to start afresh.", line);
        Assert.Equal(0, SchemaVersionOf(_folder));
        Assert.Equal(before, Rows(_folder));
    }

    [Fact]
    public async Task A_row_this_version_cannot_read_is_refused_in_one_line_naming_it()
    {
        StateStore.Open(_folder).Dispose();
        Execute(_folder, "UPDATE entities SET json = '{\"Arn\": 5}' WHERE kind = 'ecs/cluster' AND key LIKE '%/fixture-batch';");

        var result = await ServeAsync();

        Assert.Equal(2, result.ExitCode);
        var line = OnlyLine(result);
        Assert.StartsWith($"The state folder {_folder} cannot be read by this workshop (state schema version {StateSchema.CurrentVersion}): its ecs/cluster 'arn:aws:ecs:ap-northeast-1:123456789012:cluster/fixture-batch' cannot be read (", line);
        Assert.DoesNotContain("listening", result.StandardOutput);
    }

    [Fact]
    public async Task A_state_db_that_is_not_a_database_is_refused_in_one_line()
    {
        File.WriteAllText(Path.Combine(_folder, "state.db"), new string('x', 4096));

        var result = await ServeAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"The state folder {_folder} cannot be read by this workshop (state schema version {StateSchema.CurrentVersion}): state.db is not a database", OnlyLine(result));
    }

    private static Dictionary<(string Kind, string Key), string> Rows(string folder)
    {
        var rows = new Dictionary<(string, string), string>();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "state.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, key, json FROM entities;";
        using var reader = command.ExecuteReader();
        while (reader.Read()) rows[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        return rows;
    }
}
