using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// <c>workshop serve</c> killed with SIGKILL at random moments while a client writes (task definitions, clusters,
/// blobs), then started again on the same state directory, round after round: every acknowledged change is there,
/// the store opens cleanly, revisions go on from the last one without gaps, and no half-written blob is visible.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Rounds = 4;
    private const string Family = "crash-web";
    private const string Repository = "crash-blobs";

    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("ecs-workshop-crash-").FullName;
    private readonly Random _random = new(BadInputRunner.Seed);

    private readonly HashSet<string> _clusters = [];
    private readonly HashSet<int> _revisions = [];
    private readonly HashSet<string> _blobs = [];

    [Fact(Timeout = 180_000)]
    public async Task Acknowledged_writes_survive_being_killed_at_random_moments_and_nothing_half_written_shows()
    {
        for (var round = 0; round < Rounds; round++)
        {
            using var server = Start(out var endpoint);
            await server.WaitUntilHealthyAsync(endpoint);
            var context = $"round {round} (seed {BadInputRunner.Seed})";
            await VerifyAsync(endpoint, context);

            using var stop = new CancellationTokenSource();
            var writer = WriteUntilStoppedAsync(endpoint, round, stop.Token);
            await Task.Delay(_random.Next(200, 1500));
            stop.Cancel(); // from here on, a failing request is the kill's doing
            server.KillHard();
            await writer;
        }

        using var last = Start(out var finalEndpoint);
        await last.WaitUntilHealthyAsync(finalEndpoint);
        await VerifyAsync(finalEndpoint, "after the last kill");
        Assert.True(_revisions.Count > 0 && _clusters.Count > 0 && _blobs.Count > 0,
            $"Too few writes were acknowledged to prove anything: {_revisions.Count} revisions, {_clusters.Count} clusters, {_blobs.Count} blobs.");
    }

    /// <summary>Writes in a loop until the server dies; remembers what it acknowledged.</summary>
    private async Task WriteUntilStoppedAsync(Uri endpoint, int round, CancellationToken stop)
    {
        using var ecs = new AwsJsonClient(endpoint);
        using var registry = new RegistryHttp(endpoint);
        var sizes = new Random(BadInputRunner.Seed + round);
        try
        {
            registry.UsePassword(await registry.PasswordAsync());
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var registered = await ecs.EcsAsync("RegisterTaskDefinition", new
                {
                    family = Family,
                    containerDefinitions = new[] { new { name = "web", image = "public.ecr.aws/nginx/nginx:latest", memory = 128 } },
                });
                _revisions.Add(registered["taskDefinition"]!["revision"]!.GetValue<int>());

                var cluster = $"crash-{round}-{i}";
                await ecs.EcsAsync("CreateCluster", new { clusterName = cluster });
                _clusters.Add(cluster);

                var blob = RandomNumberGenerator.GetBytes(sizes.Next(16 << 10, 512 << 10));
                var pushed = await registry.PushBlobAsync(Repository, blob, TestOciLayout.DigestOf(blob));
                if (pushed.StatusCode == HttpStatusCode.Created) _blobs.Add(TestOciLayout.DigestOf(blob));
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // The server was killed: the request in flight was not acknowledged.
        }
    }

    /// <summary>Checks the restarted server against everything acknowledged so far, and registers the next revision.</summary>
    private async Task VerifyAsync(Uri endpoint, string context)
    {
        Assert.Equal("ok", IntegrityCheck());
        using var ecs = new AwsJsonClient(endpoint);

        var listed = await ListAsync(ecs, "ListClusters", new { maxResults = 100 }, "clusterArns");
        var clusters = listed.Select(arn => arn.Split('/')[^1]).ToHashSet();
        Assert.True(_clusters.IsSubsetOf(clusters), $"{context}: acknowledged clusters are missing: {string.Join(", ", _clusters.Except(clusters))}");

        var revisions = (await ListAsync(ecs, "ListTaskDefinitions", new { familyPrefix = Family, maxResults = 100 }, "taskDefinitionArns"))
            .Select(arn => int.Parse(arn.Split(':')[^1], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.True(_revisions.IsSubsetOf(revisions), $"{context}: acknowledged revisions are missing: {string.Join(", ", _revisions.Except(revisions))}");
        Assert.Equal(Enumerable.Range(1, revisions.Count), revisions);
        var next = await ecs.EcsAsync("RegisterTaskDefinition", new
        {
            family = Family,
            containerDefinitions = new[] { new { name = "web", image = "public.ecr.aws/nginx/nginx:latest", memory = 128 } },
        });
        Assert.Equal(revisions.Count + 1, next["taskDefinition"]!["revision"]!.GetValue<int>());
        _revisions.Add(revisions.Count + 1);

        using var registry = new RegistryHttp(endpoint);
        await ecs.CallAsync(AwsJsonClient.Ecr, "CreateRepository", new { repositoryName = Repository });
        registry.UsePassword(await registry.PasswordAsync());
        foreach (var digest in _blobs)
        {
            var content = await registry.Client.GetByteArrayAsync($"/v2/{Repository}/blobs/{digest}");
            Assert.Equal(digest, TestOciLayout.DigestOf(content));
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_stateDirectory, "registry", "blobs"), "*", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(file);
            Assert.True(Path.GetFileName(file) == Convert.ToHexStringLower(SHA256.HashData(stream)), $"{context}: the blob file {file} does not hold what its name says");
        }
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_stateDirectory, "registry", "uploads")));
    }

    private static async Task<List<string>> ListAsync(AwsJsonClient ecs, string operation, object first, string member)
    {
        var items = new List<string>();
        JsonNode page = await ecs.EcsAsync(operation, first);
        while (true)
        {
            items.AddRange(page[member]!.AsArray().Select(a => a!.GetValue<string>()));
            if (page["nextToken"]?.GetValue<string>() is not { } token) return items;
            var next = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(first))!.AsObject();
            next["nextToken"] = token;
            page = await ecs.EcsAsync(operation, next);
        }
    }

    /// <summary>SQLite's own check of the database file, read-only, while the server has it open.</summary>
    private string IntegrityCheck()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_stateDirectory, "state.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }

    private WorkshopProcess Start(out Uri endpoint)
    {
        var port = FreePort.Pick();
        endpoint = new Uri($"http://127.0.0.1:{port}");
        return WorkshopProcess.Start("serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--state-dir", _stateDirectory, "--speed", "20", "--runtime", "simulated");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
