using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>ECS's rule for cluster, service, family and container names: 1–255 letters, digits, '-' and '_'.</summary>
public static partial class Names
{
    [GeneratedRegex("^[a-zA-Z0-9\\-_]{1,255}$")]
    private static partial Regex ValidName();

    /// <summary>True when <paramref name="name"/> follows the rule.</summary>
    public static bool IsValid(string? name) => name is not null && ValidName().IsMatch(name);
}
