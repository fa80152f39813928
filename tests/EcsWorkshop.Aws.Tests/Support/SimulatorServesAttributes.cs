namespace EcsWorkshop.Aws.Tests.Support;

/// <summary>
/// A theory over both backends that is skipped, saying why, while the simulator does not serve the operation yet
/// (a branch cut before that slice of the simulator was merged); it runs as soon as the simulator serves it.
/// </summary>
public sealed class SimulatorServesTheoryAttribute : TheoryAttribute
{
    public SimulatorServesTheoryAttribute(string operation)
    {
        if (!Backends.SimulatorServes(operation)) Skip = $"The simulator on this branch does not serve {operation} yet.";
    }
}

/// <summary>A simulator fact that is skipped, saying why, while the simulator does not serve the operation yet.</summary>
public sealed class SimulatorServesFactAttribute : FactAttribute
{
    public SimulatorServesFactAttribute(string operation)
    {
        if (!Backends.SimulatorServes(operation)) Skip = $"The simulator on this branch does not serve {operation} yet.";
    }
}
