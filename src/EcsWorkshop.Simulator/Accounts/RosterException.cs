namespace EcsWorkshop.Simulator.Accounts;

/// <summary>A roster file that cannot be used, with the line at fault and what to fix (in Japanese, for the host).</summary>
public sealed class RosterException(string message) : Exception(message);
