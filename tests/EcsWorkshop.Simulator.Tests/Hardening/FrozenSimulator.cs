using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// A real simulator server (HTTP on a free loopback port, state on disk) whose clock never moves, so nothing but the
/// requests a test sends can change its world. It holds one of every kind of resource, so that requests reach past
/// "not found" into each operation's own checks. An xunit class fixture.
/// </summary>
public sealed class FrozenSimulator : IAsyncLifetime
{
    public const string Cluster = "fuzz-cluster";
    public const string EmptyCluster = "fuzz-empty";
    public const string Family = "fuzz-web";
    public const string Service = "fuzz-service";
    public const string Repository = "fuzz-repo";
    public const string DoomedRepository = "fuzz-doomed";
    public const string LogGroup = "/fuzz/group";
    public const string DoomedLogGroup = "/fuzz/doomed";
    public const string LogStream = "fuzz-stream";
    public const string Subnet = "subnet-abcd1234";
    public const string SecurityGroup = "sg-abcd1234";
    public const string PublicImage = "public.ecr.aws/nginx/nginx:latest";

    private SqliteConnection? _reader;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("ecs-workshop-hardening-").FullName;

    public SimulatorServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The ARN of a task that stays PROVISIONING (the clock does not move).</summary>
    public string TaskArn { get; private set; } = "";

    /// <summary>The image pushed to <see cref="Repository"/> as <c>v1</c>.</summary>
    public TestOciLayout Image { get; } = TestOciLayout.Create("hardening", layerPaddingBytes: 0);

    public string ClusterArn => $"arn:aws:ecs:{SimulatedWorld.Region}:{SimulatedAccount.Id}:cluster/{Cluster}";

    public async Task InitializeAsync()
    {
        Server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            StateDirectory = StateDirectory,
            Simulation = SimulationSettings.AtSpeed(20),
            Time = Clock,
        });
        Http = new HttpClient { BaseAddress = Server.Endpoint, Timeout = TimeSpan.FromSeconds(60) };
        _reader = new SqliteConnection($"Data Source={Path.Combine(StateDirectory, "state.db")};Mode=ReadOnly;Pooling=False");
        _reader.Open();
        await SeedAsync();
    }

    /// <summary>(Re)creates every resource the good requests name; a no-op for those still there.</summary>
    public async Task SeedAsync()
    {
        await CallAsync("AmazonEC2ContainerServiceV20141113.CreateCluster", new { clusterName = Cluster });
        await CallAsync("AmazonEC2ContainerServiceV20141113.CreateCluster", new { clusterName = EmptyCluster });
        if (Server.Engine.World.TaskDefinitions.Values.All(d => d.Family != Family || d.Status.ToString() != "Active"))
            _ = await CallAsync("AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition", GoodRequests.TaskDefinition)
                ?? throw new InvalidOperationException($"RegisterTaskDefinition failed while seeding: {LastRefusal}");
        await CallAsync("AmazonEC2ContainerServiceV20141113.CreateService", new
        {
            cluster = Cluster, serviceName = Service, taskDefinition = Family, desiredCount = 1, launchType = "FARGATE",
            networkConfiguration = new { awsvpcConfiguration = new { subnets = new[] { Subnet }, securityGroups = new[] { SecurityGroup } } },
        });
        if (TaskArn == "" || !Server.Engine.World.Tasks.ContainsKey(TaskArn))
        {
            var run = await CallAsync("AmazonEC2ContainerServiceV20141113.RunTask", new
            {
                cluster = Cluster, taskDefinition = Family, launchType = "FARGATE",
                networkConfiguration = new { awsvpcConfiguration = new { subnets = new[] { Subnet } } },
            });
            TaskArn = run?["tasks"]?[0]?["taskArn"]?.GetValue<string>() ?? throw new InvalidOperationException($"RunTask failed while seeding: {LastRefusal}");
        }

        await CallAsync("AmazonEC2ContainerRegistry_V20150921.CreateRepository", new { repositoryName = Repository });
        await CallAsync("AmazonEC2ContainerRegistry_V20150921.CreateRepository", new { repositoryName = DoomedRepository });
        if (!Server.Ecr.World.Images.Values.Any(i => i.Digest == Image.ManifestDigest))
            await PushImageAsync();

        await CallAsync("Logs_20140328.CreateLogGroup", new { logGroupName = LogGroup });
        await CallAsync("Logs_20140328.CreateLogGroup", new { logGroupName = DoomedLogGroup });
        await CallAsync("Logs_20140328.CreateLogStream", new { logGroupName = LogGroup, logStreamName = LogStream });
    }

    private async Task PushImageAsync()
    {
        using var registry = new RegistryHttp(Server.Endpoint);
        registry.UsePassword(await registry.PasswordAsync());
        foreach (var blob in new[] { Image.Layer, Image.Config })
            (await registry.PushBlobAsync(Repository, blob, TestOciLayout.DigestOf(blob))).EnsureSuccessStatusCode();
        var manifest = new ByteArrayContent(Image.Manifest);
        manifest.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.oci.image.manifest.v1+json");
        (await registry.Client.PutAsync($"/v2/{Repository}/manifests/v1", manifest)).EnsureSuccessStatusCode();
    }

    /// <summary>Calls an operation; returns its JSON, or null when it failed (seeding tolerates "already exists").</summary>
    public async Task<JsonNode?> CallAsync(string target, object request)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request);
        using var response = await SendAsync(new BadRequest("seed", body, target));
        var answer = await response.Content.ReadAsStringAsync();
        LastRefusal = response.IsSuccessStatusCode ? null : answer;
        return response.IsSuccessStatusCode ? JsonNode.Parse(answer) : null;
    }

    /// <summary>The error of the last <see cref="CallAsync"/> that failed (for seeding failures).</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>Sends a request as the AWS CLI would (JSON 1.1, signed for the tests' region).</summary>
    public Task<HttpResponseMessage> SendAsync(BadRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(AwsJson.ContentType);
        if (request.Target is not null) message.Headers.TryAddWithoutValidation("X-Amz-Target", request.Target);
        message.Headers.TryAddWithoutValidation("X-Amz-Date", "20261129T090000Z");
        message.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIAWORKSHOPEXAMPLE/20261129/{SimulatedWorld.Region}/ecs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0");
        return Http.SendAsync(message);
    }

    /// <summary>What the server holds right now: its three worlds (immutable snapshots) and the store's commit count.</summary>
    public WorldSnapshot Snapshot()
    {
        using var command = _reader!.CreateCommand();
        command.CommandText = "PRAGMA data_version;";
        var version = (long)command.ExecuteScalar()!;
        return new WorldSnapshot(Server.Engine.World, Server.Ecr.World, Server.Logs.World, version);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        _reader?.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// The simulator's state at one moment. Worlds are immutable and replaced on every committed change, so the same
/// objects mean nothing changed; SQLite's <c>data_version</c> moves whenever another connection commits.
/// </summary>
public sealed record WorldSnapshot(object Ecs, object Ecr, object Logs, long StoreVersion)
{
    /// <summary>What differs from an earlier snapshot, or null when nothing does.</summary>
    public string? ChangedSince(WorldSnapshot before)
    {
        var changed = new List<string>();
        if (!ReferenceEquals(before.Ecs, Ecs)) changed.Add("the ECS world");
        if (!ReferenceEquals(before.Ecr, Ecr)) changed.Add("the ECR world");
        if (!ReferenceEquals(before.Logs, Logs)) changed.Add("the Logs world");
        if (before.StoreVersion != StoreVersion) changed.Add("the stored rows");
        return changed.Count == 0 ? null : string.Join(", ", changed) + " changed";
    }
}
