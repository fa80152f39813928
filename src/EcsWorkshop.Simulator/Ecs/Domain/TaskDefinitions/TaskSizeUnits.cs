using EcsWorkshop.Simulator.Errors;
using System.Globalization;

namespace EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

/// <summary>
/// Task-level cpu and memory as ECS stores them: whole CPU units and MiB written as strings.
/// Users may also write vCPUs (<c>"1 vCPU"</c>, <c>"0.25 vcpu"</c>) and gigabytes (<c>"1GB"</c>, <c>"2 GB"</c>).
/// </summary>
public static class TaskSizeUnits
{
    /// <summary>Smallest and largest task-level CPU ECS accepts (0.125 to 192 vCPU).</summary>
    public const int MinimumCpu = 128, MaximumCpu = 196608;

    /// <summary><c>"1 vCPU"</c> → <c>"1024"</c>, <c>"512"</c> → <c>"512"</c>; null when absent.</summary>
    public static string? NormaliseCpu(string? cpu)
    {
        if (string.IsNullOrWhiteSpace(cpu)) return null;
        var units = Parse(cpu, ["vcpus", "vcpu"]) ?? throw InvalidTaskSetting("cpu");
        if (units is < MinimumCpu or > MaximumCpu) throw InvalidTaskSetting("cpu");
        return units.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><c>"1GB"</c> → <c>"1024"</c>, <c>"512"</c> → <c>"512"</c>; null when absent.</summary>
    public static string? NormaliseMemory(string? memory)
    {
        if (string.IsNullOrWhiteSpace(memory)) return null;
        var mib = Parse(memory, ["gib", "gb"]) ?? throw InvalidTaskSetting("memory");
        if (mib < 1) throw InvalidTaskSetting("memory");
        return mib.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>ECS's refusal of a task-level cpu or memory value it cannot read.</summary>
    public static DomainError InvalidTaskSetting(string member) =>
        EcsErrors.InvalidTaskSizeSetting.With(member);

    /// <summary>A whole number, or a number followed by a unit worth 1024 (vCPU, GB); null when unreadable or not whole.</summary>
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
        return result == decimal.Truncate(result) && result <= int.MaxValue ? (int)result : null;
    }
}
