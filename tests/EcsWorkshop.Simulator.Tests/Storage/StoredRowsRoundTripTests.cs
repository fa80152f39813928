using System.Text.Json;
using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Ecr.Persistence;
using EcsWorkshop.Simulator.Ecs.Persistence;
using EcsWorkshop.Simulator.Logs.Persistence;
using EcsWorkshop.Simulator.Storage;
using static EcsWorkshop.Simulator.Tests.Storage.StateFolderFixture;

namespace EcsWorkshop.Simulator.Tests.Storage;

/// <summary>
/// Every row of the folder written by e821371, once migrated, reads back into a record that writes every member of
/// the row again with the same value. A renamed or removed member, or a renamed enum member, fails here: such a change
/// needs a new schema version and a migration step (docs/state-folder.md). New members may be added.
/// </summary>
public sealed class StoredRowsRoundTripTests : IDisposable
{
    private readonly string _folder = Copy();

    public void Dispose() => Delete(_folder);

    [Fact]
    public void Every_stored_member_is_written_again_with_the_same_value()
    {
        Dictionary<(string Kind, string Key), string> stored;
        var rewritten = new Dictionary<(string Kind, string Key), string>();
        using (var store = StateStore.Open(_folder))
        {
            stored = store.AllRows();
            var ecs = EcsRows.Load(store);
            Rewrite(EcsRows.Clusters, ecs.Clusters.Values);
            Rewrite(EcsRows.Families, ecs.Families.Values);
            Rewrite(EcsRows.TaskDefinitions, ecs.TaskDefinitions.Values);
            Rewrite(EcsRows.Services, ecs.Services.Values);
            Rewrite(EcsRows.Tasks, ecs.Tasks.Values);
            var ecr = EcrRows.Load(store);
            Rewrite(EcrRows.Repositories, ecr.Repositories.Values);
            Rewrite(EcrRows.Images, ecr.Images.Values);
            var logs = LogsRows.Load(store);
            Rewrite(LogsRows.Groups, logs.Groups.Values);
            Rewrite(LogsRows.Streams, logs.Streams.Values);
            Rewrite(LogsRows.Events, logs.Events.Values);
        }

        Assert.Equal(stored.Keys.Order(), rewritten.Keys.Order());
        Assert.All(stored, row =>
        {
            var missing = MembersNotWrittenAgain(JsonNode.Parse(row.Value)!, JsonNode.Parse(rewritten[row.Key])!, "$");
            Assert.True(missing.Count == 0, $"{row.Key.Kind} '{row.Key.Key}' no longer writes: {string.Join(", ", missing)}");
        });

        void Rewrite<T>(RowKind<T> kind, IEnumerable<T> records) where T : class
        {
            foreach (var record in records)
            {
                var row = kind.ToRow(record);
                rewritten[(row.Kind, row.Key)] = row.Json!;
            }
        }
    }

    /// <summary>The paths of <paramref name="stored"/>'s members that <paramref name="written"/> lacks or gives another value.</summary>
    private static List<string> MembersNotWrittenAgain(JsonNode stored, JsonNode? written, string path)
    {
        switch (stored)
        {
            case JsonObject storedObject when written is JsonObject writtenObject:
                return [.. storedObject.SelectMany(member => MembersNotWrittenAgain(member.Value!, writtenObject[member.Key], $"{path}.{member.Key}"))];
            case JsonArray storedArray when written is JsonArray writtenArray && storedArray.Count == writtenArray.Count:
                return [.. storedArray.SelectMany((item, i) => MembersNotWrittenAgain(item!, writtenArray[i], $"{path}[{i}]"))];
            default:
                return JsonNode.DeepEquals(stored, written) ? [] : [path];
        }
    }
}
