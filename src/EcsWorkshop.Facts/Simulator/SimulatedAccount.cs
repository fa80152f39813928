namespace EcsWorkshop.Facts.Simulator;

/// <summary>The one AWS account every resource of the workshop's simulator belongs to (AWS's documentation example account).</summary>
public static class SimulatedAccount
{
    /// <summary>The account id in every simulated ARN, registry host and caller identity.</summary>
    public const string Id = "123456789012";
}
