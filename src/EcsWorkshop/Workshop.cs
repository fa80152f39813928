using System.Collections.Immutable;
using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Checks;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Errors;
using EcsWorkshop.Sessions;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop;

/// <summary>
/// One workshop session: where the steps run (the simulator unless AWS is asked for), the session id every
/// created resource is tagged with, and one method per hands-on step, each returning a Japanese
/// <see cref="StepResult{T}"/> with the AWS CLI command that does the same.
/// <code>var workshop = await Workshop.StartAsync();
/// await workshop.CreateClusterAsync();</code>
/// </summary>
public sealed partial class Workshop : IAsyncDisposable
{
    /// <summary>The cluster the hands-on creates and the steps use unless told otherwise.</summary>
    public const string DefaultCluster = "fargate-cluster";

    /// <summary>The execution role the simulator's task definitions name (the simulator does not check roles).</summary>
    public const string SimulatedExecutionRoleArn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

    private readonly AwsClients _aws;
    private readonly SimulatorServer? _ownedServer;
    private readonly SessionLedger _ledger;
    private readonly WorkshopOptions _options;
    private Docker.DockerEngine? _engine;
    private bool _engineLookedUp;

    private Workshop(WorkshopMode mode, AwsClients aws, SimulatorServer? ownedServer, SessionLedger ledger, WorkshopOptions options,
        string? profile, string? accountId)
    {
        Mode = mode;
        _aws = aws;
        _ownedServer = ownedServer;
        _ledger = ledger;
        _options = options;
        Profile = profile;
        AccountId = accountId;
        Tags = new SessionTags(ledger.SessionId);
        Checks = new WorkshopChecks(this);
    }

    /// <summary>Simulator (the default) or AWS.</summary>
    public WorkshopMode Mode { get; }

    /// <summary>The region resources are created in.</summary>
    public string Region => _aws.Settings.Region.SystemName;

    /// <summary>The simulator's URL; null in AWS mode.</summary>
    public Uri? Endpoint => Mode == WorkshopMode.Simulator ? _aws.Settings.EndpointOverride : null;

    /// <summary>The id every resource of this session is tagged with (<c>ecs-workshop:session</c>).</summary>
    public string SessionId => _ledger.SessionId;

    /// <summary>The AWS profile (AWS mode), or null.</summary>
    public string? Profile { get; }

    /// <summary>The account the steps run in (AWS mode: from STS; simulator: its one account).</summary>
    public string? AccountId { get; }

    /// <summary>The tags this session puts on what it creates.</summary>
    public SessionTags Tags { get; }

    /// <summary>Self-checks: is the cluster there, is the task definition Fargate-ready, is the service steady…</summary>
    public WorkshopChecks Checks { get; }

    /// <summary>Where the equivalent AWS CLI commands point: the simulator (<c>--endpoint-url</c>) or AWS.</summary>
    public CliTarget CliTarget => Mode == WorkshopMode.Simulator
        ? CliTarget.Simulator(_aws.Settings.EndpointOverride!, Region)
        : CliTarget.Aws(Region, Profile);

    /// <summary>The AWS clients the steps use (for going further than the steps do).</summary>
    public AwsClients Aws => _aws;

    internal SessionLedger Ledger => _ledger;

    internal TimeSpan PollInterval => _options.PollInterval ?? (Mode == WorkshopMode.Simulator ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5));

    internal TextWriter? ProgressOutput => _options.ProgressOutput;

    /// <summary>The file, in a simulator's state folder, that keeps the session of the notebooks using that world.</summary>
    public const string SimulatorSessionFileName = "workshop-session.json";

    /// <summary>
    /// Starts a session against the simulator: the one named by <c>ECS_WORKSHOP_ENDPOINT</c>, else the one answering
    /// on 127.0.0.1:4566, else one started in this process on <c>~/.ecs-workshop/state</c> (so every notebook shares
    /// one durable world). The session belongs to the world: its id is kept in the simulator's state folder
    /// (<c>workshop-session.json</c>) when that folder is on this machine, else in <c>~/.ecs-workshop/session.json</c>.
    /// </summary>
    public static async Task<Workshop> StartAsync(CancellationToken cancellationToken = default)
    {
        var located = await SimulatorLocator.LocateAsync(new SimulatorLocation(), cancellationToken).ConfigureAwait(false);
        var stateDirectory = await SimulatorLocator.LocalStateDirectoryAsync(located.Endpoint, cancellationToken).ConfigureAwait(false);
        var options = new WorkshopOptions
        {
            SessionFile = stateDirectory is null
                ? Path.Combine(WorkshopOptions.HomeDirectory, "session.json")
                : Path.Combine(stateDirectory, SimulatorSessionFileName),
        };
        options.ProgressOutput?.WriteLine(located.How);
        return Connect(located.Endpoint, located.OwnedServer, options);
    }

    /// <summary>A session against the simulator at <paramref name="endpoint"/> (a host's, or a test's).</summary>
    public static Task<Workshop> ConnectToSimulatorAsync(Uri endpoint, WorkshopOptions? options = null) =>
        Task.FromResult(Connect(endpoint, null, options ?? new WorkshopOptions()));

    /// <summary>A session against a located simulator; the session owns (and disposes) a server it started.</summary>
    public static Workshop ConnectTo(LocatedSimulator simulator, WorkshopOptions? options = null) =>
        Connect(simulator.Endpoint, simulator.OwnedServer, options ?? new WorkshopOptions());

    private static Workshop Connect(Uri endpoint, SimulatorServer? owned, WorkshopOptions options)
    {
        var aws = AwsClients.ForLocalEndpoint(endpoint, options.Region);
        var ledger = SessionLedger.Open(options.SessionId, options.SessionFile);
        return new Workshop(WorkshopMode.Simulator, aws, owned, ledger, options, null, "123456789012");
    }

    /// <summary>
    /// A session against a real AWS account (billable). Asks STS who the caller is, shows the account id and a cost
    /// warning, and keeps the session id in <c>~/.ecs-workshop/aws-session-ACCOUNT-REGION.json</c>.
    /// </summary>
    public static Task<Workshop> ConnectToAwsAsync(string? profile = null, string? region = null, CancellationToken cancellationToken = default) =>
        ConnectToAwsAsync(AwsClients.ForAccount(region, profile), profile, null, cancellationToken);

    /// <summary>AWS mode over given clients (tests point them at moto).</summary>
    internal static async Task<Workshop> ConnectToAwsAsync(AwsClients aws, string? profile, WorkshopOptions? options, CancellationToken cancellationToken = default)
    {
        CallerIdentityView identity;
        try
        {
            var caller = await aws.Sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
            identity = new CallerIdentityView(caller.Account ?? "", caller.Arn ?? "");
        }
        catch (AwsServiceException e)
        {
            aws.Dispose();
            throw WorkshopStepException.FromAws("AWS アカウントへの接続", e);
        }
        var region = aws.Settings.Region.SystemName;
        options ??= new WorkshopOptions
        {
            SessionFile = Path.Combine(WorkshopOptions.HomeDirectory, $"aws-session-{identity.Account}-{region}.json"),
        };
        var ledger = SessionLedger.Open(options.SessionId, options.SessionFile);
        options.ProgressOutput?.WriteLine(CostWarning(identity.Account, region));
        return new Workshop(WorkshopMode.Aws, aws, null, ledger, options, profile, identity.Account);
    }

    /// <summary>The Japanese warning shown before anything billable is created in AWS mode.</summary>
    public static string CostWarning(string account, string region) =>
        $"⚠ AWS アカウント {account} (リージョン {region}) に接続しました。ここから作るリソース (Fargate のタスク、ECR のイメージ、CloudWatch Logs) には料金がかかります。"
        + "終わったら必ず `await workshop.CleanupAsync()` で、このセッションが作ったものを削除してください。";

    /// <summary>The session in one line, never with credentials.</summary>
    public override string ToString() => Mode == WorkshopMode.Simulator
        ? $"Workshop (シミュレーター {Endpoint}, リージョン {Region}, セッション {SessionId})"
        : $"Workshop (AWS アカウント {AccountId}, リージョン {Region}{(Profile is null ? "" : $", プロファイル {Profile}")}, セッション {SessionId})";

    /// <summary>Closes the clients and stops a simulator this session started.</summary>
    public async ValueTask DisposeAsync()
    {
        _aws.Dispose();
        _engine?.Dispose();
        if (_ownedServer is not null) await _ownedServer.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The session's tags in ECS's shape.</summary>
    internal IReadOnlyList<Tag> EcsTags => [.. Tags.Pairs.Select(p => new Tag(p.Key, p.Value))];

    /// <summary>Runs a step's AWS calls; an AWS error becomes a Japanese <see cref="WorkshopStepException"/>.</summary>
    internal static async Task<T> Step<T>(string step, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            throw WorkshopStepException.FromAws(step, e);
        }
    }

    internal StepResult<T> Result<T>(string title, T value, AwsCliCommand? command, string? note,
        params Display.Explanations.ExplanationTopic[] seeAlso) =>
        new()
        {
            Title = title,
            Value = value,
            Command = command,
            Target = CliTarget,
            Note = note,
            SeeAlso = [.. seeAlso],
        };

    internal async Task<bool> IsOursAsync(string ecsArn, CancellationToken cancellationToken)
    {
        var tags = await _aws.Ecs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = ecsArn }, cancellationToken).ConfigureAwait(false);
        return Tags.Marks((tags.Tags ?? []).Select(t => new KeyValuePair<string, string?>(t.Key, t.Value)));
    }

    internal static ImmutableArray<string> Names(IEnumerable<string> arns) => [.. arns.Select(a => a[(a.LastIndexOf('/') + 1)..])];

    /// <summary>The error AWS would answer for a missing resource, for steps that look it up with a call that reports failures instead.</summary>
    internal static AwsServiceException Missing(string code, string message, string service, string operation) =>
        new(code, message, System.Net.HttpStatusCode.BadRequest, null, service, operation);
}
