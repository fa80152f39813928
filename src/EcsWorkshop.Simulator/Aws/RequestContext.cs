using EcsWorkshop.Facts.Simulator;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>Who asked, where: the region the request was signed for and the (fixed) simulated account.</summary>
public sealed record RequestContext(string Region, string AccountId, string RequestId)
{
    /// <summary>The region used when a request carries no SigV4 credential scope.</summary>
    public const string DefaultRegion = "us-east-1";

    public static RequestContext For(string region) => new(region, SimulatedAccount.Id, Guid.NewGuid().ToString());
}
