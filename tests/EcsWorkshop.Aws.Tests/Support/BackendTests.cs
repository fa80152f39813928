namespace EcsWorkshop.Aws.Tests.Support;

/// <summary>
/// The base of tests that run the same body against the simulator and moto (theories over
/// <see cref="Backends.Both"/>), and of the tests that pin down where moto differs from AWS.
/// </summary>
[Collection(BackendCollection.Name)]
public abstract class BackendTests(Backends backends)
{
    protected Backends Backends { get; } = backends;

    /// <summary>The clients of one backend.</summary>
    protected AwsClients On(string backend) => Backends[backend];

    /// <summary>The clients of the simulator.</summary>
    protected AwsClients Simulator => Backends[Backends.Simulator];

    /// <summary>The clients of moto.</summary>
    protected AwsClients Moto => Backends[Backends.Moto];
}
