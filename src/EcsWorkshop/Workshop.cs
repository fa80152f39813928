using EcsWorkshop.Aws;
using EcsWorkshop.Checks;
using EcsWorkshop.Classroom;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Errors;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Images;
using EcsWorkshop.Lookups;
using EcsWorkshop.Provisioning;
using EcsWorkshop.Results;
using EcsWorkshop.Sessions;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Waiting;

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
    public const string SimulatedExecutionRoleArn = $"arn:aws:iam::{SimulatedAccount.Id}:role/ecsTaskExecutionRole";

    /// <summary>The execution role AWS mode ensures (the name the AWS console uses).</summary>
    public const string ExecutionRoleName = "ecsTaskExecutionRole";

    /// <summary>The subnet the seed hands-on names (the simulator does not look subnets up).</summary>
    public const string SimulatedSubnet = "subnet-abcd1234";

    /// <summary>The security group the seed hands-on names.</summary>
    public const string SimulatedSecurityGroup = "sg-abcd1234";

    /// <summary>
    /// The simulator's own path (not an AWS one) that answers whether it is up, where it keeps its world and how fast
    /// its clock runs: <c>GET {Endpoint}/_workshop/health</c>.
    /// </summary>
    public const string SimulatorHealthPath = SimulatorHealth.Path;

    private readonly AwsClients _aws;
    private readonly SimulatorServer? _ownedServer;
    private readonly SessionLedger _ledger;
    private readonly WorkshopOptions _options;
    private readonly ClassroomConnection? _classroom;
    private readonly ProgressReporter? _progress;
    private Docker.DockerEngine? _engine;
    private bool _engineLookedUp;

    // The steps' collaborators: reads, placement and prerequisites, waits, results, and what the session owns.
    private readonly EcsLookups _ecs;
    private readonly NetworkLookups _network;
    private readonly ElbLookups _elb;
    private readonly TaskNetworks _networks;
    private readonly Prerequisites _prerequisites;
    private readonly Waiter _waiter;
    private readonly WaitFailures _waitFailures;
    private readonly StepResults _results;
    private readonly SessionInventory _inventory;
    private readonly ExternalTools _tools;

    private Workshop(WorkshopMode mode, AwsClients aws, SimulatorServer? ownedServer, SessionLedger ledger, WorkshopOptions options,
        string? profile, string? accountId, ClassroomConnection? classroom = null)
    {
        Mode = mode;
        _aws = aws;
        _ownedServer = ownedServer;
        _ledger = ledger;
        _options = options;
        Profile = profile;
        AccountId = accountId;
        _classroom = classroom;
        // Progress goes to the simulator the session talks to (a classroom's, or a learner's own, which keeps one code
        // path and harms nothing); never to AWS.
        _progress = mode == WorkshopMode.Simulator ? ProgressReporter.ToSimulator(aws.Settings) : null;
        Tags = new SessionTags(ledger.SessionId);
        _ecs = new EcsLookups(aws);
        _network = new NetworkLookups(aws);
        _elb = new ElbLookups(aws);
        _networks = new TaskNetworks(aws, mode, new TaskSecurityGroups(aws, Tags, ledger));
        _prerequisites = new Prerequisites(aws, Tags, ledger);
        _waiter = new Waiter(options.Time,
            options.PollInterval ?? (mode == WorkshopMode.Simulator ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5)),
            mode == WorkshopMode.Simulator ? TimeSpan.FromMinutes(3) : TimeSpan.FromMinutes(10));
        _waitFailures = new WaitFailures(_ecs);
        _results = new StepResults(CliTarget);
        _inventory = new SessionInventory(aws, Tags, ledger, _ecs, _elb);
        _tools = new ExternalTools(options.ToolEnvironment);
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

    /// <summary>The account the steps run in (AWS mode: from STS; a classroom: the learner's own; simulator: its one account).</summary>
    public string? AccountId { get; }

    /// <summary>
    /// True when the session runs on a classroom's simulator (<c>workshop serve --classroom</c>), in the learner's own
    /// account, signed with the key pair from their connection card (see <see cref="ClassroomConnection"/>).
    /// </summary>
    public bool InClassroom => _classroom is not null;

    /// <summary>The lesson this session said it belongs to (<see cref="StartAsync(string, CancellationToken)"/>), or null.</summary>
    public string? Lesson => _lesson;

    private string? _lesson;

    /// <summary>The tags this session puts on what it creates.</summary>
    public SessionTags Tags { get; }

    /// <summary>Self-checks: is the cluster there, is the task definition Fargate-ready, is the service steady…</summary>
    public WorkshopChecks Checks { get; }

    /// <summary>The learner's access key pair when in a classroom (the AWS CLI step signs with it), else null.</summary>
    internal (string AccessKeyId, string SecretAccessKey)? ClassroomKeys =>
        _classroom is { } room ? (room.AccessKeyId, room.SecretAccessKey) : null;

    /// <summary>Where the equivalent AWS CLI commands point: the simulator (<c>--endpoint-url</c>) or AWS.</summary>
    public CliTarget CliTarget => Mode == WorkshopMode.Simulator
        ? CliTarget.Simulator(_aws.Settings.EndpointOverride!, Region)
        : CliTarget.Aws(Region, Profile);

    /// <summary>The AWS clients the steps use (for going further than the steps do).</summary>
    public AwsClients Aws => _aws;

    internal TextWriter? ProgressOutput => _options.ProgressOutput;

    /// <summary>The ECS reads the steps share (the self-checks use them too).</summary>
    internal EcsLookups Lookups => _ecs;

    /// <summary>Where the steps place tasks (awsvpc subnets and security groups).</summary>
    internal TaskNetworks Networks => _networks;

    /// <summary>What registering a task definition needs first (log group, AWS mode's execution role).</summary>
    internal Prerequisites Prerequisites => _prerequisites;

    /// <summary>What this session created that still exists.</summary>
    internal SessionInventory Inventory => _inventory;

    /// <summary>
    /// Starts a session against the simulator: the one named by <c>ECS_WORKSHOP_ENDPOINT</c>, else the one answering
    /// on 127.0.0.1:4566, else one started in this process on <c>~/.ecs-workshop/state</c> (so every notebook shares
    /// one durable world). The session belongs to the world: it is kept in the helper's own folder,
    /// <c>~/.ecs-workshop/sessions/</c>, in one file per world (see <see cref="SessionFiles"/>).
    /// With <c>ECS_WORKSHOP_MODE=aws</c> in the environment it connects to the AWS account of <c>AWS_PROFILE</c> and
    /// <c>AWS_REGION</c> instead, after the cost warning (as <see cref="ConnectToAwsAsync(string?, string?, CancellationToken)"/>),
    /// so every lesson runs against a real account with no edit (see <see cref="WorkshopModeSetting"/>).
    /// </summary>
    /// <remarks>
    /// With <c>ECS_WORKSHOP_CREDENTIALS</c> set as well as <c>ECS_WORKSHOP_ENDPOINT</c> (the two lines of a classroom's
    /// connection card), it joins the room's simulator instead (as <see cref="JoinClassroomAsync(ClassroomConnection, WorkshopOptions?, CancellationToken)"/>): no simulator is
    /// started here, requests are signed with the learner's key pair, and the lesson and self-check results are
    /// reported to the room.
    /// </remarks>
    public static Task<Workshop> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(LessonNames.OfEntryAssembly(), Environment.GetEnvironmentVariable, cancellationToken);

    /// <summary>
    /// <see cref="StartAsync(CancellationToken)"/> for a lesson: <c>await Workshop.StartAsync("06-service")</c>. The
    /// lesson is told to the simulator (in a classroom, the host's dashboard shows it), and names the self-check results
    /// reported after.
    /// </summary>
    public static Task<Workshop> StartAsync(string lesson, CancellationToken cancellationToken = default) =>
        StartAsync(lesson, Environment.GetEnvironmentVariable, cancellationToken);

    private static async Task<Workshop> StartAsync(string? lesson, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        Workshop workshop;
        if (WorkshopModeSetting.Read(environment) is { Mode: WorkshopMode.Aws } aws)
            workshop = await ConnectToAwsAsync(aws.Profile, aws.Region, cancellationToken).ConfigureAwait(false);
        else if (ClassroomSetting.Read(environment) is { } room)
            workshop = await JoinClassroomAsync(room, WorkshopOptions.HomeDirectory, new WorkshopOptions(), cancellationToken).ConfigureAwait(false);
        else
            workshop = await StartAsync(new SimulatorLocation(), WorkshopOptions.HomeDirectory, new WorkshopOptions(), cancellationToken).ConfigureAwait(false);
        if (lesson is not null) workshop.OpenLesson(lesson);
        return workshop;
    }

    /// <summary>
    /// Says which lesson this session belongs to (<c>06-service</c>): the simulator is told (a classroom's dashboard
    /// shows it) and the self-check results reported after name it. Nothing is sent in AWS mode.
    /// </summary>
    public void OpenLesson(string lesson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lesson);
        _lesson = lesson.Trim();
        _progress?.LessonOpened(_lesson);
    }

    /// <summary>Reports a self-check's result to the simulator (never to AWS) and returns it unchanged.</summary>
    internal CheckResult Reported(string check, CheckResult result)
    {
        _progress?.CheckDone(check, result);
        return result;
    }

    /// <summary>
    /// An exercise's self-check: <c>display(workshop.Check("演習 1: …", new CheckItem(ok, "…", "直し方"), …))</c>. It is
    /// <see cref="CheckResult.Of"/>'s result, and it is also reported to the simulator this session talks to (in a
    /// classroom, the host's dashboard counts it among the self-checks passed, under this session's lesson); nothing
    /// is sent in AWS mode. The session is named explicitly: a static <see cref="CheckResult.Of"/> has no way to find
    /// "the lesson's session" without ambient state (an <see cref="AsyncLocal{T}"/> set inside the awaited
    /// <c>StartAsync</c> does not flow back to the lesson, nor from one notebook cell to the next; a process-wide
    /// "current session" would send one test's results to another's simulator when tests run in parallel).
    /// </summary>
    public CheckResult Check(string title, params CheckItem[] items)
    {
        var result = CheckResult.Of(title, items);
        _progress?.ExerciseDone(result);
        return result;
    }

    /// <summary>Waits for the progress reports still on their way (tests; each ends within a few seconds).</summary>
    internal Task ProgressSentAsync() => _progress?.WhenSentAsync() ?? Task.CompletedTask;

    /// <summary>Where progress reports go, or null (AWS mode).</summary>
    internal Uri? ProgressTarget => _progress?.Target;

    /// <summary>
    /// Joins a classroom's simulator (<c>workshop serve --classroom</c>) as the learner whose key pair
    /// <paramref name="room"/> holds: checks the room answers and knows the keys, finds the learner's account id (from
    /// an ARN the room answers with), and shows a Japanese summary (the room, the account; never the secret). The
    /// session is kept per room and key in <c>~/.ecs-workshop/sessions/</c>.
    /// </summary>
    public static Task<Workshop> JoinClassroomAsync(ClassroomConnection room, WorkshopOptions? options = null, CancellationToken cancellationToken = default) =>
        JoinClassroomAsync(room, WorkshopOptions.HomeDirectory, options ?? new WorkshopOptions(), cancellationToken);

    /// <summary><see cref="JoinClassroomAsync(ClassroomConnection, WorkshopOptions?, CancellationToken)"/> with the helper's home folder (a temporary one in tests).</summary>
    internal static async Task<Workshop> JoinClassroomAsync(ClassroomConnection room, string homeDirectory, WorkshopOptions options, CancellationToken cancellationToken)
    {
        var aws = new AwsClients(AwsClientSettings.ForClassroom(room.Endpoint, room.AccessKeyId, room.SecretAccessKey, options.Region));
        string account;
        try
        {
            account = await ClassroomSetting.FindAccountAsync(aws, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            aws.Dispose();
            throw WorkshopStepException.FromAws("教室のシミュレーターへの接続", e);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            aws.Dispose();
            throw new WorkshopStartException(
                $"教室のシミュレーター ({room.EndpointText}) に接続できません。接続カードの {ClassroomConnection.EndpointVariable} のアドレスが正しいか、"
                + "主催者の PCで `workshop serve --classroom` が動いているか、同じネットワークにつながっているかを確かめてください。", e);
        }
        options = options with { SessionFile = options.SessionFile ?? SessionFiles.ForClassroom(homeDirectory, room.Endpoint, room.AccessKeyId) };
        var ledger = SessionLedger.Open(options.SessionId, options.SessionFile);
        options.ProgressOutput?.WriteLine(ClassroomSetting.Summary(room, account));
        return new Workshop(WorkshopMode.Simulator, aws, null, ledger, options, null, account, room);
    }

    /// <summary>
    /// <see cref="StartAsync(CancellationToken)"/> with where to look for the simulator, the helper's home folder (a
    /// temporary one in tests) and the session's options (its <see cref="WorkshopOptions.SessionFile"/> is chosen here).
    /// </summary>
    internal static async Task<Workshop> StartAsync(SimulatorLocation location, string homeDirectory, WorkshopOptions options, CancellationToken cancellationToken)
    {
        var located = await SimulatorLocator.LocateAsync(location, cancellationToken).ConfigureAwait(false);
        var stateDirectory = await SimulatorLocator.LocalStateDirectoryAsync(located.Endpoint, cancellationToken).ConfigureAwait(false);
        var file = SessionFiles.ForSimulator(homeDirectory, located.Endpoint, stateDirectory);
        SessionFiles.ForgetVanishedWorlds(homeDirectory);
        SessionFiles.AdoptLegacy(stateDirectory, file);
        options.ProgressOutput?.WriteLine(located.How);
        return Connect(located.Endpoint, located.OwnedServer, options with { SessionFile = file }, stateDirectory);
    }

    /// <summary>A session against the simulator at <paramref name="endpoint"/> (a host's, or a test's).</summary>
    public static Task<Workshop> ConnectToSimulatorAsync(Uri endpoint, WorkshopOptions? options = null) =>
        Task.FromResult(Connect(endpoint, null, options ?? new WorkshopOptions()));

    /// <summary>A session against a located simulator; the session owns (and disposes) a server it started.</summary>
    public static Workshop ConnectTo(LocatedSimulator simulator, WorkshopOptions? options = null) =>
        Connect(simulator.Endpoint, simulator.OwnedServer, options ?? new WorkshopOptions());

    private static Workshop Connect(Uri endpoint, SimulatorServer? owned, WorkshopOptions options, string? stateDirectory = null)
    {
        var aws = AwsClients.ForLocalEndpoint(endpoint, options.Region);
        var ledger = SessionLedger.Open(options.SessionId, options.SessionFile, stateDirectory);
        return new Workshop(WorkshopMode.Simulator, aws, owned, ledger, options, null, SimulatedAccount.Id);
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
            SessionFile = SessionFiles.ForAws(WorkshopOptions.HomeDirectory, identity.Account, region),
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
    public override string ToString() => InClassroom
        ? $"Workshop (教室のシミュレーター {Endpoint}, アカウント {AccountId}, リージョン {Region}, セッション {SessionId})"
        : Mode == WorkshopMode.Simulator
        ? $"Workshop (シミュレーター {Endpoint}, リージョン {Region}, セッション {SessionId})"
        : $"Workshop (AWS アカウント {AccountId}, リージョン {Region}{(Profile is null ? "" : $", プロファイル {Profile}")}, セッション {SessionId})";

    /// <summary>Closes the clients and stops a simulator this session started.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var key in _loadGenerators.Keys.ToList()) await StopGeneratorAsync(key).ConfigureAwait(false);
        if (_progress is not null) await _progress.DisposeAsync().ConfigureAwait(false);
        _aws.Dispose();
        _engine?.Dispose();
        if (_ownedServer is not null) await _ownedServer.DisposeAsync().ConfigureAwait(false);
    }
}
