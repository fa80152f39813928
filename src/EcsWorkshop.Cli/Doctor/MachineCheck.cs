namespace EcsWorkshop.Cli.Doctor;

/// <summary>One line of <c>workshop doctor</c>: what was checked, whether it is ready, and what to do when it is not.</summary>
/// <param name="Name">What was checked (<c>.NET SDK</c>, <c>Docker</c>…).</param>
/// <param name="Ready">Whether it is ready.</param>
/// <param name="Required">Whether the workshop cannot run without it (else it only opens a way of running it).</param>
/// <param name="Detail">What was found, in Japanese.</param>
/// <param name="Fix">What to do, in Japanese, when it is not ready.</param>
public sealed record MachineCheck(string Name, bool Ready, bool Required, string Detail, string? Fix = null)
{
    /// <summary><c>✓ Name: detail</c>, or <c>✗ Name: detail</c> with the fix on the next line.</summary>
    public string ToText()
    {
        var line = $"{(Ready ? "✓" : "✗")} {Name}: {Detail}";
        if (!Ready && !Required) line += " (なくても進められます)";
        return Ready || Fix is null ? line : $"{line}\n    → {Fix}";
    }
}
