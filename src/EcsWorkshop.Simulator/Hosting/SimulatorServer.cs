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

    private SimulatorServer(WebApplication app, EcsEngine engine, EcrEngine ecr, LogsEngine logs, Ec2Engine ec2, Elbv2Engine elb, StateStore store, Uri endpoint,
        IContainerRuntime runtime)
    {
        _app = app;
        Runtime = runtime;
        Ec2 = ec2;
        Elbv2 = elb;
        Engine = engine;
        Ecr = ecr;
        Logs = logs;
        Store = store;
        Endpoint = endpoint;
    }

    /// <summary>Where clients reach the server, for example <c>http://127.0.0.1:4566</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The ECS world the server serves.</summary>
    public EcsEngine Engine { get; }

    /// <summary>The ECR world (repositories, images, blobs) the server serves.</summary>
    public EcrEngine Ecr { get; }

    /// <summary>The CloudWatch Logs world the server serves.</summary>
    public LogsEngine Logs { get; }

    /// <summary>The EC2 networking world (default VPCs, subnets, security groups) the server serves.</summary>
    public Ec2Engine Ec2 { get; }

    /// <summary>The Elastic Load Balancing (v2) world the server serves.</summary>
    public Elbv2Engine Elbv2 { get; }

    /// <summary>The Application Auto Scaling world (scalable targets, policies, activities) and its target tracking.</summary>
    public AutoScalingEngine AutoScaling => _app.Services.GetRequiredService<AutoScalingEngine>();

    /// <summary>Every AWS Query service the server answers (ELBv2, EC2).</summary>
    public IReadOnlyCollection<AwsQueryService> QueryServices => _app.Services.GetRequiredService<AwsQueryEndpoint>().Services;

    /// <summary>Every AWS JSON service the server answers (ECS, ECR, CloudWatch Logs).</summary>
    public IReadOnlyCollection<AwsJsonService> Services => _app.Services.GetRequiredService<AwsJsonEndpoint>().Services.Values.ToList();

    /// <summary>What runs the tasks' containers (the simulated runtime, or Docker).</summary>
    public IContainerRuntime Runtime { get; }

    /// <summary>The durable store.</summary>
    public StateStore Store { get; }

    /// <summary>Opens the state, binds the port and starts serving.</summary>
    public static async Task<SimulatorServer> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        var store = options.StateDirectory is null ? StateStore.InMemory() : StateStore.Open(options.StateDirectory);
        SelectedRuntime? selected = null;
        try
        {
            selected = await RuntimeSelection.ResolveAsync(options.Runtime, cancellationToken).ConfigureAwait(false);
            var setup = SimulationSetup.For(options, store);
            var simulation = Simulation.Create(setup with { Settings = setup.Settings with { RunsContainers = selected.Kind == ContainerRuntimeKind.Docker } });
            var (engine, ecr, logs, ec2, elb) = (simulation.Ecs, simulation.Ecr, simulation.Logs, simulation.Ec2, simulation.Elbv2);

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
                kestrel.Limits.MaxRequestBodySize = null;
            });
            builder.Services.AddSingleton(options);
            builder.Services.AddSingleton(engine);
            foreach (var service in simulation.Services) builder.Services.AddSingleton(service);
            builder.Services.AddSingleton(simulation.Registry);
            builder.Services.AddSingleton(new RequestSigning(options.SignatureVerification, options.Time));
            builder.Services.AddSingleton<AwsJsonEndpoint>();
            foreach (var service in simulation.QueryServices) builder.Services.AddSingleton(service);
            builder.Services.AddSingleton<AwsQueryEndpoint>();
            builder.Services.AddHostedService<SimulationLoop>();
            builder.Services.AddSingleton(simulation.AutoScaling);
            builder.Services.AddHostedService<ScalingLoop>();
            builder.Services.AddContainerRuntime(selected, options, store, engine, ecr, logs, simulation.Setup.Registry);
            builder.Services.AddSingleton(services => new ListenerProxies(
                elb, new TaskTargetAddresses(engine, services.GetRequiredService<IContainerRuntime>()),
                checksTargets: selected.Kind == ContainerRuntimeKind.Docker, services.GetService<ILogger<ListenerProxies>>()));
            builder.Services.AddHostedService(services => services.GetRequiredService<ListenerProxies>());
            if (selected is { Kind: ContainerRuntimeKind.Docker, Client: { } docker })
            {
                builder.Services.AddSingleton(services => new DockerStatsUtilization(docker, simulation.AutoScaling,
                    services.GetRequiredService<ILogger<DockerStatsUtilization>>()));
                builder.Services.AddHostedService(services => services.GetRequiredService<DockerStatsUtilization>());
            }

            var app = builder.Build();
            CallRecorder.UseFromEnvironment(app);
            // Target tracking reads the real metrics where there are some: the listeners' requests, Docker's container stats.
            simulation.AutoScaling.Requests = new ListenerRequestCounts(app.Services.GetRequiredService<ListenerProxies>().Requests);
            if (app.Services.GetService<DockerStatsUtilization>() is { } stats) simulation.AutoScaling.Utilization = stats;
            app.MapGet(SimulatorHealth.Path, (AwsJsonEndpoint endpoint, AwsQueryEndpoint query) => Results.Json(new SimulatorHealth
            {
                Services = [.. endpoint.Services.Keys.Concat(query.Services.Select(s => s.SigningName))],
                StateDirectory = store.Directory,
                Speed = options.Simulation.Speed,
                VerifiesSignatures = options.SignatureVerification is not null,
                Runtime = RuntimeNames.Of(selected.Kind),
            }));
            app.MapRuntimeEndpoints();
            app.MapWorkshopLoad(simulation.AutoScaling);
            app.MapSpotInterruption();
            app.MapPost("/", (HttpContext http, AwsJsonEndpoint json, AwsQueryEndpoint query) =>
                AwsQueryEndpoint.Accepts(http.Request) ? query.HandleAsync(http) : json.HandleAsync(http));
            app.Map("/v2", (HttpContext http, RegistryEndpoint registry) => registry.HandleAsync(http));
            app.Map("/v2/{**path}", (HttpContext http, RegistryEndpoint registry) => registry.HandleAsync(http));

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var endpoint = new Uri(address.Replace("[::]", options.Host));
            simulation.Setup.Registry.ListeningOn(endpoint);
            return new SimulatorServer(app, engine, ecr, logs, ec2, elb, store, endpoint, app.Services.GetRequiredService<IContainerRuntime>());
        }
        catch
        {
            store.Dispose();
            selected?.Client?.Dispose();
            throw;
        }
    }

    /// <summary>Waits until the server is stopped (Ctrl+C or <see cref="DisposeAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Store.Dispose();
    }
}
