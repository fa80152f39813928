using System.Globalization;

namespace EcsWorkshop.Facts.Fargate;

/// <summary>
/// How a task-level cpu and memory may be written, and what they mean. ECS stores whole CPU units (1024 = 1 vCPU)
/// and MiB as strings; a user may also write vCPUs (<c>"1 vCPU"</c>, <c>"0.25 vcpu"</c>) and gigabytes
/// (<c>"1GB"</c>, <c>"2 gb"</c>), in any case, with or without a space. A value is readable only when it comes to a
/// whole number greater than zero: ECS refuses <c>"0"</c> and <c>"0.1 vCPU"</c> as settings it cannot read.
/// </summary>
public static class TaskSizeUnits
{
    /// <summary>Smallest and largest task-level CPU ECS accepts (0.125 to 192 vCPU).</summary>
    public const int MinimumCpu = 128, MaximumCpu = 196608;

    private static readonly string[] CpuUnits = ["vcpus", "vcpu"];
    private static readonly string[] MemoryUnits = ["gib", "gb"];

    /// <summary><c>"1 vCPU"</c> → 1024, <c>"512"</c> → 512; null when unreadable (not a whole number of units above 0).</summary>
    public static int? ParseCpu(string text) => Parse(text, CpuUnits);

    /// <summary><c>"1GB"</c> → 1024, <c>"512"</c> → 512; null when unreadable (not a whole number of MiB above 0).</summary>
    public static int? ParseMemory(string text) => Parse(text, MemoryUnits);

    /// <summary>Whether ECS accepts <paramref name="units"/> as a task-level CPU at all (any launch type).</summary>
    public static bool IsTaskCpu(int units) => units is >= MinimumCpu and <= MaximumCpu;

    /// <summary>A whole number, or a number followed by a unit worth 1024; null when unreadable, not whole or not above 0.</summary>
    private static int? Parse(string text, string[] units1024)
    {
        var value = text.Trim();
        var scale = 1m;
        foreach (var unit in units1024)
        {
            if (!value.EndsWith(unit, StringComparison.OrdinalIgnoreCase)) continue;
            value = value[..^unit.Length].TrimEnd();
            scale = 1024m;
            break;
        }
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return null;
        var result = number * scale;
        return result == decimal.Truncate(result) && result is > 0 and <= int.MaxValue ? (int)result : null;
    }
}
