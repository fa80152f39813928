using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.TestSupport;

namespace EcsWorkshop.Aws.Tests.Support;

/// <summary>
/// The two implementations of the AWS wire protocols the client is tested against, neither written for it: our
/// simulator (in-process, speed 20, its own temporary state directory) and moto. Both are started once for every
/// test of the <see cref="BackendCollection"/> and stopped at the end.
/// </summary>
public sealed class Backends : IAsyncLifetime
{
    public const string Simulator = "simulator";
    public const string Moto = "moto";

    /// <summary>The region every test works in.</summary>
    public const string Region = "ap-northeast-1";

    /// <summary>Theory data: each backend by name.</summary>
    public static TheoryData<string> Both => new() { Simulator, Moto };

    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("ecs-workshop-aws-tests-").FullName;
    private SimulatorServer? _simulator;
    private MotoServer? _moto;
    private readonly Dictionary<string, AwsClients> _clients = [];

    public async Task InitializeAsync()
    {
        var moto = MotoServer.StartAsync();
        _simulator = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            StateDirectory = _stateDirectory,
            Simulation = SimulationSettings.AtSpeed(20),
            TickInterval = TimeSpan.FromMilliseconds(50),
        });
        _moto = await moto;
        _clients[Simulator] = AwsClients.ForLocalEndpoint(_simulator.Endpoint, Region);
        _clients[Moto] = AwsClients.ForLocalEndpoint(_moto.Endpoint, Region);
    }

    /// <summary>The clients for one backend (shared by the tests; give resources unique names).</summary>
    public AwsClients this[string backend] => _clients[backend];

    /// <summary>
    /// awsvpc networking for tasks and services: on moto, a subnet and the default security group of its default VPC
    /// (moto looks both up, and fails with a 500 without security groups), found with our EC2 client; on the simulator,
    /// the original hands-on's subnet and security group, which it pre-creates in its default VPC.
    /// </summary>
    public async Task<NetworkConfiguration> NetworkOf(string backend)
    {
        if (backend == Simulator) return EcsFixtures.InVpc(["subnet-abcd1234"], ["sg-abcd1234"]);
        var ec2 = _clients[backend].Ec2;
        var vpc = await ec2.FindDefaultVpcAsync() ?? throw new InvalidOperationException("moto has no default VPC.");
        var subnet = await ec2.DescribeAllSubnetsAsync(vpc.VpcId!).FirstAsync();
        var group = await ec2.FindDefaultSecurityGroupAsync(vpc.VpcId!) ?? throw new InvalidOperationException("moto's default VPC has no default security group.");
        return EcsFixtures.InVpc([subnet.SubnetId!], [group.GroupId!]);
    }

    /// <summary>The endpoint of one backend.</summary>
    public Uri EndpointOf(string backend) => _clients[backend].Settings.EndpointOverride!;

    public async Task DisposeAsync()
    {
        foreach (var clients in _clients.Values) clients.Dispose();
        if (_simulator is not null) await _simulator.DisposeAsync();
        if (_moto is not null) await _moto.DisposeAsync();
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Tests that share the two running backends.</summary>
[CollectionDefinition(Name)]
public sealed class BackendCollection : ICollectionFixture<Backends>
{
    public const string Name = "Simulator and moto";
}
