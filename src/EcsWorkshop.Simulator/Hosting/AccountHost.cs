using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Metrics;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Aws.Query;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Elbv2.DataPlane;
using EcsWorkshop.Simulator.Integration;
using EcsWorkshop.Simulator.Runtime;
using EcsWorkshop.Simulator.Runtime.Docker;
using EcsWorkshop.Simulator.Storage;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>
/// One simulated AWS account as a server runs it: its <see cref="Simulation"/> over its own durable store, what runs its
/// tasks' containers, its load balancers' listeners and (with Docker) its containers' stats — the last two moved by the
/// server's one <see cref="Runtime.Docker.DockerEngineLoop"/>, with every other account's. A single-learner server
/// holds one (account <c>SimulatedAccount.Id</c>, state in the state directory itself); a classroom holds one per
/// learner (state in <c>STATE/accounts/ACCOUNT</c>).
/// </summary>
public sealed class AccountHost : IAsyncDisposable
{
    private readonly Dictionary<string, AwsJsonService> _jsonByPrefix;

    private AccountHost(string accountId, Learner? learner, StateStore store, Simulation simulation)
    {
        AccountId = accountId;
        Learner = learner;
        Store = store;
        Simulation = simulation;
        _jsonByPrefix = simulation.Services.ToDictionary(s => s.TargetPrefix, StringComparer.Ordinal);
    }

    /// <summary>The 12-digit account id every ARN of this account carries.</summary>
    public string AccountId { get; }

    /// <summary>The classroom's learner the account belongs to; null on a single-learner server.</summary>
    public Learner? Learner { get; }

    /// <summary>The account's durable store.</summary>
    public StateStore Store { get; }

    /// <summary>The account's simulated services.</summary>
    public Simulation Simulation { get; }

    /// <summary>What runs the account's tasks' containers.</summary>
    public IContainerRuntime Runtime { get; private set; } = SimulatedRuntime.Instance;

    /// <summary>The account's load balancer listeners, listening on loopback (kept up to date by the server's <see cref="ListenerLoop"/>).</summary>
    public ListenerProxies Listeners { get; private set; } = null!;

    /// <summary>The account's JSON service with <paramref name="targetPrefix"/>, or null.</summary>
    public AwsJsonService? JsonService(string targetPrefix) => _jsonByPrefix.GetValueOrDefault(targetPrefix);

    /// <summary>The account's Query service that answers as <paramref name="template"/> (another account's) does.</summary>
    public AwsQueryService QueryServiceLike(AwsQueryService template) =>
        Simulation.QueryServices.First(s => s.SigningName == template.SigningName && s.Version == template.Version);

    /// <summary>
    /// Opens an account: its store in <paramref name="stateDirectory"/> (null: in memory), its services, its runtime on
    /// <paramref name="selected"/> (with Docker, joined to the server's <paramref name="engineLoop"/>), its listeners.
    /// </summary>
    public static AccountHost Open(
        SimulatorOptions options, SelectedRuntime selected, DockerEngineLoop? engineLoop, string accountId, Learner? learner, string? stateDirectory,
        RegistryAddress registry, ILoggerFactory loggers)
    {
        var store = stateDirectory is null ? StateStore.InMemory() : StateStore.Open(stateDirectory);
        try
        {
            var setup = SimulationSetup.For(options, store, accountId, stateDirectory, registry);
            var docker = selected.Kind == ContainerRuntimeKind.Docker;
            var simulation = Simulation.Create(setup with { Settings = setup.Settings with { RunsContainers = docker } });
            var host = new AccountHost(accountId, learner, store, simulation);
            host.StartParts(options, selected, engineLoop, loggers);
            return host;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private void StartParts(SimulatorOptions options, SelectedRuntime selected, DockerEngineLoop? engineLoop, ILoggerFactory loggers)
    {
        var simulation = Simulation;
        if (RuntimeHosting.CreateDockerRuntime(selected, engineLoop, options, Store, simulation, loggers) is { } docker) Runtime = docker;
        Listeners = new ListenerProxies(
            simulation.Elbv2, new TaskTargetAddresses(simulation.Ecs, Runtime),
            checksTargets: selected.Kind == ContainerRuntimeKind.Docker, loggers.CreateLogger<ListenerProxies>(),
            PublishedAddress.For(options.Host));
        // Target tracking reads the real metrics where there are some: the listeners' requests, Docker's container stats.
        simulation.AutoScaling.Requests = new ListenerRequestCounts(Listeners.Requests);
        if (engineLoop is not null)
        {
            var stats = new DockerStatsUtilization(engineLoop.Client, simulation.AutoScaling);
            simulation.AutoScaling.Utilization = stats;
            engineLoop.Add(stats);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Listeners is not null) await Listeners.DisposeAsync().ConfigureAwait(false);
        Store.Dispose();
    }
}
