using System.Collections.Immutable;

namespace EcsWorkshop.Facts.Fargate;

/// <summary>One task size Fargate offers: task CPU units and memory in MiB.</summary>
public sealed record FargateSize(int Cpu, int MemoryMiB);

/// <summary>
/// The memory sizes Fargate offers for one task CPU size, and where that CPU size is available.
/// </summary>
/// <param name="Cpu">Task CPU units (1024 = 1 vCPU).</param>
/// <param name="MemoryMiB">Every memory size allowed with this CPU, ascending.</param>
/// <param name="Windows">Whether Windows tasks may use this CPU size (Linux always may).</param>
/// <param name="MinimumLinuxPlatformVersion">The Linux platform version the size needs, when not every version offers it.</param>
public sealed record FargateCpuOption(int Cpu, ImmutableArray<int> MemoryMiB, bool Windows, string? MinimumLinuxPlatformVersion)
{
    /// <summary>The CPU size in vCPUs (0.25, 0.5, 1 …).</summary>
    public decimal VCpu => Cpu / 1024m;
}

/// <summary>
/// The task sizes (CPU and memory pairs) Fargate accepts: 74 pairs from 0.25 vCPU / 512 MiB up to
/// 16 vCPU / 120 GiB. Windows tasks use only the 1, 2 and 4 vCPU rows.
/// </summary>
public static class FargateSizes
{
    /// <summary>The table, one row per CPU size, smallest first.</summary>
    public static ImmutableArray<FargateCpuOption> Options { get; } =
    [
        new(256, [512, 1024, 2048], Windows: false, MinimumLinuxPlatformVersion: null),
        new(512, Steps(1024, 4096, 1024), Windows: false, MinimumLinuxPlatformVersion: null),
        new(1024, Steps(2048, 8192, 1024), Windows: true, MinimumLinuxPlatformVersion: null),
        new(2048, Steps(4096, 16384, 1024), Windows: true, MinimumLinuxPlatformVersion: null),
        new(4096, Steps(8192, 30720, 1024), Windows: true, MinimumLinuxPlatformVersion: null),
        new(8192, Steps(16384, 61440, 4096), Windows: false, MinimumLinuxPlatformVersion: "1.4.0"),
        new(16384, Steps(32768, 122880, 8192), Windows: false, MinimumLinuxPlatformVersion: "1.4.0"),
    ];

    /// <summary>Every valid Linux pair, in table order.</summary>
    public static ImmutableArray<FargateSize> ValidPairs { get; } =
        [.. Options.SelectMany(o => o.MemoryMiB.Select(m => new FargateSize(o.Cpu, m)))];

    /// <summary>The row for <paramref name="cpu"/> units, or null when Fargate has no such CPU size.</summary>
    public static FargateCpuOption? OptionFor(int cpu) => Options.FirstOrDefault(o => o.Cpu == cpu);

    /// <summary>Whether Fargate offers <paramref name="cpu"/> units with <paramref name="memoryMiB"/> MiB.</summary>
    public static bool IsValid(int cpu, int memoryMiB, bool windows = false) =>
        OptionFor(cpu) is { } option && (!windows || option.Windows) && option.MemoryMiB.Contains(memoryMiB);

    private static ImmutableArray<int> Steps(int from, int to, int step)
    {
        var sizes = ImmutableArray.CreateBuilder<int>();
        for (var size = from; size <= to; size += step) sizes.Add(size);
        return sizes.ToImmutable();
    }
}
