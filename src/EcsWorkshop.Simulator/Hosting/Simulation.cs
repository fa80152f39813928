using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;
using EcsWorkshop.Simulator.ApplicationAutoScaling.Wire;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Aws.Query;
using EcsWorkshop.Simulator.Ec2.Domain;
using EcsWorkshop.Simulator.Ec2.Wire;
using EcsWorkshop.Simulator.Elbv2.Domain;
using EcsWorkshop.Simulator.Elbv2.Wire;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Ecr.Registry;
using EcsWorkshop.Simulator.Ecr.Wire;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Wire;
using EcsWorkshop.Simulator.Integration;
using EcsWorkshop.Simulator.Integration.StandIns;
using EcsWorkshop.Simulator.Logs.Domain;
using EcsWorkshop.Simulator.Logs.Wire;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>What a simulation is built from: where state lives, the clock, the speed, ids, and the registry's address.</summary>
public sealed record SimulationSetup(
    StateStore Store,
    TimeProvider Time,
    SimulationSettings Settings,
    IdGenerator Ids,
    BlobStore Blobs,
    RegistryTokens Tokens,
    RegistryAddress Registry)
{
    /// <summary>
    /// ECS on its own: every image pulls and no log group is needed (ECR and CloudWatch Logs are still built, but
    /// ECS does not consult them and writes no task logs). For tests of ECS rules that have nothing to do with images.
    /// </summary>
    public bool EcsAlone { get; init; }

    /// <summary>The simulated AWS account every resource of this simulation lives in (a classroom's learner's, or the single learner's).</summary>
    public string AccountId { get; init; } = SimulatedAccount.Id;

    /// <summary>The setup of a server started with <paramref name="options"/> on <paramref name="store"/>.</summary>
    public static SimulationSetup For(SimulatorOptions options, StateStore store) =>
        For(options, store, SimulatedAccount.Id, options.StateDirectory, new RegistryAddress());

    /// <summary>
    /// The setup of one account of a server started with <paramref name="options"/>: its state in
    /// <paramref name="store"/>, its blobs and registry key under <paramref name="stateDirectory"/> (null: in memory and
    /// a temporary folder), the server's registry address.
    /// </summary>
    public static SimulationSetup For(SimulatorOptions options, StateStore store, string accountId, string? stateDirectory, RegistryAddress registry) => new(
        store,
        options.Time,
        options.Simulation,
        options.Seed is { } seed ? IdGenerator.Seeded(seed) : IdGenerator.Random(),
        stateDirectory is null ? BlobStore.InTemporaryDirectory() : new BlobStore(Path.Combine(stateDirectory, "registry")),
        RegistryTokens.Open(stateDirectory, options.Time, accountId),
        registry)
    {
        AccountId = accountId,
    };
}

/// <summary>
/// The composition root: the simulated AWS services wired together once, for the server
/// (<see cref="SimulatorServer"/>) and the tests alike. Each service is an engine (its domain, over the shared
/// store) and an operation table (its wire edge); ECS sees ECR and CloudWatch Logs through
/// <see cref="SimulatedAwsEnvironment"/> and writes task logs through <see cref="TaskLogWriter"/>; ELBv2 sees EC2's default VPC through
/// <see cref="DefaultVpcDirectory"/> (and so does ECS, for its tasks' subnets, security groups and addresses), ECS registers service
/// tasks in ELBv2's target groups through <see cref="LoadBalancerTargets"/>, EC2 asks ELBv2 whether a security group is still
/// in use, and Application Auto Scaling sets ECS services' desired counts through ECS's UpdateService command.
/// </summary>
public sealed class Simulation
{
    private Simulation(SimulationSetup setup)
    {
        Setup = setup;
        Ecr = new EcrEngine(setup.Store, setup.Blobs, setup.Tokens, setup.Time) { Quotas = setup.Settings.Quotas };
        Logs = new LogsEngine(setup.Store, setup.Time);
        Ec2 = new Ec2Engine(setup.Store, setup.Ids);
        var imageFiles = new ImageFileTrees(setup.Blobs);
        var simulatedTargets = new SimulatedTaskServers(imageFiles);
        var vpcs = new DefaultVpcDirectory(Ec2);
        Elbv2 = new Elbv2Engine(setup.Store, setup.Time, new Elbv2Context(setup.Ids, setup.Settings, Elbv2Timings.Alb, vpcs)
        {
            SimulatedTargets = simulatedTargets,
        });
        var loadBalancing = new LoadBalancerTargets(Elbv2);
        // A classroom's learners share one memory budget: this learner's ECS asks its own share of it.
        var ecsSettings = setup.Settings.RoomMemory is { } room ? setup.Settings with { RoomMemoryShare = room.Join(() => Ecs!.World) } : setup.Settings;
        Ecs = setup.EcsAlone
            ? new EcsEngine(setup.Store, setup.Time, ecsSettings, setup.Ids, loadBalancing: loadBalancing, networks: vpcs)
            : new EcsEngine(setup.Store, setup.Time, ecsSettings, setup.Ids,
                new SimulatedAwsEnvironment(Ecr, Logs, setup.Registry, setup.AccountId) { Images = imageFiles }, setup.Settings.RunsContainers ? [] : [new TaskLogWriter(Logs)], loadBalancing, vpcs);
        simulatedTargets.Attach(Ecs);
        EcsApi = new EcsApi(Ecs).CreateService();
        EcrApi = new EcrApi(Ecr, setup.Registry).CreateService();
        LogsApi = new LogsApi(Logs).CreateService();
        Registry = new RegistryEndpoint(Ecr);
        Ec2.SecurityGroupInUse = Elbv2.UsesSecurityGroup;
        Elbv2Api = new Elbv2Api(Elbv2).CreateService();
        Ec2Api = new Ec2Api(Ec2).CreateService();
        AutoScaling = new AutoScalingEngine(setup.Store, setup.Time, setup.Settings, setup.Ids, Ecs, Elbv2);
        AutoScalingApi = new AutoScalingApi(AutoScaling).CreateService();
    }

    /// <summary>Builds the services of <paramref name="setup"/>.</summary>
    public static Simulation Create(SimulationSetup setup) => new(setup);

    /// <summary>What the simulation was built from.</summary>
    public SimulationSetup Setup { get; }

    /// <summary>The ECS domain: clusters, task definitions, services, tasks.</summary>
    public EcsEngine Ecs { get; }

    /// <summary>The ECR domain: repositories, images, blobs.</summary>
    public EcrEngine Ecr { get; }

    /// <summary>The CloudWatch Logs domain: groups, streams, events.</summary>
    public LogsEngine Logs { get; }

    /// <summary>The EC2 networking domain: each region's default VPC, subnets, security groups.</summary>
    public Ec2Engine Ec2 { get; }

    /// <summary>The Elastic Load Balancing (v2) domain: load balancers, target groups, listeners, targets.</summary>
    public Elbv2Engine Elbv2 { get; }

    /// <summary>ELBv2's Query operation table.</summary>
    public AwsQueryService Elbv2Api { get; }

    /// <summary>EC2's Query operation table.</summary>
    public AwsQueryService Ec2Api { get; }

    /// <summary>STS's Query operation table (<c>GetCallerIdentity</c>: the caller's account).</summary>
    public AwsQueryService StsApi { get; } = Sts.Wire.StsApi.CreateService();

    /// <summary>Every Query service, as the form-encoded <c>POST /</c> edge routes them.</summary>
    public IReadOnlyList<AwsQueryService> QueryServices => [Elbv2Api, Ec2Api, StsApi];

    /// <summary>ECS's JSON 1.1 operation table.</summary>
    public AwsJsonService EcsApi { get; }

    /// <summary>ECR's JSON 1.1 operation table.</summary>
    public AwsJsonService EcrApi { get; }

    /// <summary>CloudWatch Logs' JSON 1.1 operation table.</summary>
    public AwsJsonService LogsApi { get; }

    /// <summary>The Application Auto Scaling domain: scalable targets, policies, activities; target tracking on the clock.</summary>
    public AutoScalingEngine AutoScaling { get; }

    /// <summary>Application Auto Scaling's JSON 1.1 operation table.</summary>
    public AwsJsonService AutoScalingApi { get; }

    /// <summary>Every JSON 1.1 service, as the <c>POST /</c> edge routes them.</summary>
    public IReadOnlyList<AwsJsonService> Services => [EcsApi, EcrApi, LogsApi, AutoScalingApi];

    /// <summary>The OCI registry under <c>/v2/</c> (ECR's second wire edge).</summary>
    public RegistryEndpoint Registry { get; }
}
