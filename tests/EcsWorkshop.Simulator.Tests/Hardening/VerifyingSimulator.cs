using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// A simulator server (see <see cref="ServedSimulator"/>) that verifies SigV4 signatures against the workshop's documented key pair (the one
/// <see cref="TestSupport.AwsCli"/> signs with).
/// </summary>
public sealed class VerifyingSimulator() : ServedSimulator("ecs-workshop-sigv4-")
{
    protected override SimulatorOptions Configure(SimulatorOptions options) =>
        options with { SignatureVerification = SignatureVerification.Workshop };
}
