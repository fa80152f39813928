using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Hosting;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Metrics;
using EcsWorkshop.Simulator.Elbv2.DataPlane;
using EcsWorkshop.Simulator.Integration;
using System.Net;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Aws.Query;
using EcsWorkshop.Simulator.Ec2.Domain;
using EcsWorkshop.Simulator.Elbv2.Domain;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Ecr.Registry;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Logs.Domain;
using EcsWorkshop.Simulator.Runtime;
using EcsWorkshop.Simulator.Runtime.Docker;
using EcsWorkshop.Simulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>
/// The simulator as a running HTTP server: every simulated AWS service behind one port, speaking the real wire
/// protocols, with the durable state under the state directory.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    /// <summary>The path that answers 200 with a <see cref="SimulatorHealth"/> while the simulator is up.</summary>
    public const string HealthPath = SimulatorHealth.Path;

    private readonly WebApplication _app;
    private readonly ILoggerFactory _loggers;
    private readonly DockerEngineLoop? _engineLoop;

    private SimulatorServer(WebApplication app, ServedAccounts accounts, DockerEngineLoop? engineLoop, ILoggerFactory loggers, Uri endpoint)
    {
        _app = app;
        _engineLoop = engineLoop;
        _loggers = loggers;
        Accounts = accounts;
        Endpoint = endpoint;
    }

    /// <summary>Where clients reach the server, for example <c>http://127.0.0.1:4566</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Every account served: the single learner's, or one per learner of a classroom.</summary>
    public ServedAccounts Accounts { get; }

    /// <summary>The single learner's account (the first learner's in a classroom).</summary>
    private AccountHost Account => Accounts.Default;

    /// <summary>The ECS world the server serves.</summary>
    public EcsEngine Engine => Account.Simulation.Ecs;

    /// <summary>The ECR world (repositories, images, blobs) the server serves.</summary>
    public EcrEngine Ecr => Account.Simulation.Ecr;

    /// <summary>The CloudWatch Logs world the server serves.</summary>
    public LogsEngine Logs => Account.Simulation.Logs;

    /// <summary>The EC2 networking world (default VPCs, subnets, security groups) the server serves.</summary>
    public Ec2Engine Ec2 => Account.Simulation.Ec2;

    /// <summary>The Elastic Load Balancing (v2) world the server serves.</summary>
    public Elbv2Engine Elbv2 => Account.Simulation.Elbv2;

    /// <summary>The Application Auto Scaling world (scalable targets, policies, activities) and its target tracking.</summary>
    public AutoScalingEngine AutoScaling => Account.Simulation.AutoScaling;

    /// <summary>Every AWS Query service the server answers (ELBv2, EC2).</summary>
    public IReadOnlyCollection<AwsQueryService> QueryServices => _app.Services.GetRequiredService<AwsQueryEndpoint>().Services;

    /// <summary>Every AWS JSON service the server answers (ECS, ECR, CloudWatch Logs).</summary>
    public IReadOnlyCollection<AwsJsonService> Services => _app.Services.GetRequiredService<AwsJsonEndpoint>().Services.Values.ToList();

    /// <summary>What runs the tasks' containers (the simulated runtime, or Docker).</summary>
    public IContainerRuntime Runtime => Account.Runtime;

    /// <summary>The durable store.</summary>
    public StateStore Store => Account.Store;

    /// <summary>
    /// Where each account keeps its state under a classroom's state directory: <c>STATE/accounts/ACCOUNT</c>
    /// (a single-learner server keeps its one account in the state directory itself).
    /// </summary>
    public static string AccountDirectory(string stateDirectory, string accountId) => Path.Combine(stateDirectory, "accounts", accountId);

    /// <summary>Opens the state, binds the port and starts serving.</summary>
    public static async Task<SimulatorServer> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        SelectedRuntime? selected = null;
        DockerEngineLoop? engineLoop = null;
        var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var opened = new List<AccountHost>();
        try
        {
            selected = await RuntimeSelection.ResolveAsync(options.Runtime, cancellationToken).ConfigureAwait(false);
            engineLoop = RuntimeHosting.CreateEngineLoop(selected, options, loggers);
            var registry = new RegistryAddress();
            var classroom = options.Classroom;
            if (classroom is null)
            {
                opened.Add(AccountHost.Open(options, selected, engineLoop, SimulatedAccount.Id, null, options.StateDirectory, registry, loggers));
            }
            else
            {
                foreach (var learner in classroom.Roster.Learners)
                    opened.Add(AccountHost.Open(options, selected, engineLoop, learner.AccountId, learner,
                        options.StateDirectory is { } root ? AccountDirectory(root, learner.AccountId) : null, registry, loggers));
            }
            var signing = classroom is null
                ? new RequestSigning(options.SignatureVerification, options.Time)
                : new RequestSigning(AccessKeys.Of(classroom.Roster), opened[0].AccountId, options.Time);
            var accounts = new ServedAccounts(opened, signing, classroom, options.Time, loggers.CreateLogger<ServedAccounts>());

            var builder = WebHosts.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
                kestrel.Limits.MaxRequestBodySize = null;
            });
            builder.Services.AddSingleton(options);
            builder.Services.AddSingleton(accounts);
            builder.Services.AddSingleton(signing);
            builder.Services.AddSingleton<AwsJsonEndpoint>();
            builder.Services.AddSingleton<AwsQueryEndpoint>();
            builder.Services.AddHostedService<SimulationLoop>();
            if (engineLoop is not null) builder.Services.AddSingleton<IHostedService>(engineLoop);
            builder.Services.AddHostedService<ListenerLoop>();

            var app = builder.Build();
            CallRecorder.UseFromEnvironment(app);
            app.MapGet(SimulatorHealth.Path, (AwsJsonEndpoint endpoint, AwsQueryEndpoint query) => Results.Json(new SimulatorHealth
            {
                Services = [.. endpoint.Services.Keys.Concat(query.Services.Select(s => s.SigningName))],
                StateDirectory = classroom is null ? opened[0].Store.Directory : options.StateDirectory,
                Speed = options.Simulation.Speed,
                VerifiesSignatures = signing.Verifies,
                Runtime = RuntimeNames.Of(selected.Kind),
                Classroom = classroom is not null,
                Learners = classroom?.Roster.Learners.Count,
            }));
            app.MapRuntimeEndpoints();
            app.MapWorkshopLoad();
            app.MapSpotInterruption();
            app.MapProgress();
            app.MapPost("/", (HttpContext http, AwsJsonEndpoint json, AwsQueryEndpoint query) =>
                AwsQueryEndpoint.Accepts(http.Request) ? query.HandleAsync(http) : json.HandleAsync(http));
            app.Map("/v2", (HttpContext http) => HandleRegistryAsync(accounts, http));
            app.Map("/v2/{**path}", (HttpContext http) => HandleRegistryAsync(accounts, http));
            classroom?.MapHostEndpoints?.Invoke(app, accounts.Learners);

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var endpoint = new Uri(address.Replace("[::]", options.Host));
            registry.ListeningOn(endpoint);
            return new SimulatorServer(app, accounts, engineLoop, loggers, endpoint);
        }
        catch
        {
            foreach (var account in opened) await account.DisposeAsync().ConfigureAwait(false);
            if (engineLoop is not null) engineLoop.Dispose();
            else selected?.Client?.Dispose();
            loggers.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The registry a <c>/v2/</c> request goes to: that of the account its password names (which checks it; a
    /// forged or foreign password is refused there); the first account's without one (which answers 401).
    /// </summary>
    private static AccountHost RegistryOf(ServedAccounts accounts, HttpContext http) =>
        (RegistryAuthentication.ClaimedAccountOf(http.Request) is { } account ? accounts.Find(account) : null) ?? accounts.Default;

    /// <summary>
    /// Answers a <c>/v2/</c> request in its account's registry, and tells the classroom's observers the answers worth
    /// telling (<see cref="RegistryAnswer.IsTold"/>: a push's requests and the refusals, under ECR's action names).
    /// </summary>
    private static async Task HandleRegistryAsync(ServedAccounts accounts, HttpContext http)
    {
        var account = RegistryOf(accounts, http);
        var answer = await account.Simulation.Registry.HandleAsync(http).ConfigureAwait(false);
        if (accounts.IsObserved && answer.IsTold)
            accounts.Answered(account.AccountId, RegistryActions.Service, answer.Action, http.Response.StatusCode, answer.Refusal?.Code, answer.Refusal?.Message);
    }

    /// <summary>Waits until the server is stopped (Ctrl+C or <see cref="DisposeAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await Accounts.DisposeAsync().ConfigureAwait(false);
        _engineLoop?.Dispose();
        _loggers.Dispose();
    }
}
