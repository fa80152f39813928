using System.Collections.Immutable;
using System.Globalization;
using EcsWorkshop.Display.Formatting;
using EcsWorkshop.Facts.Fargate;

namespace EcsWorkshop.Display.Views;

/// <summary>One CPU size Fargate offers (a row of <see cref="FargateSizes"/>) as the table shows it.</summary>
/// <param name="Option">The CPU size and the memory sizes allowed with it.</param>
public sealed record FargateSizeRow(FargateCpuOption Option)
{
    /// <summary>Task CPU units (1024 = 1 vCPU).</summary>
    public int Cpu => Option.Cpu;

    /// <summary>Every memory size allowed with this CPU, ascending.</summary>
    public ImmutableArray<int> MemoryMiB => Option.MemoryMiB;

    /// <summary>Whether Windows tasks may use this CPU size (Linux always may).</summary>
    public bool Windows => Option.Windows;

    /// <summary>The platform version the size needs, when not every version has it.</summary>
    public string? MinimumLinuxPlatformVersion => Option.MinimumLinuxPlatformVersion;

    /// <summary>The CPU size in vCPUs (0.25, 0.5, 1 …).</summary>
    public decimal VCpu => Option.VCpu;

    /// <summary>The operating systems that may use this size, as shown (<c>Linux / Windows</c>).</summary>
    public string OperatingSystems => Windows ? "Linux / Windows" : "Linux";

    /// <summary>The allowed memory sizes in MiB, compactly: <c>512, 1,024, 2,048</c> or <c>1,024〜4,096 (1,024 刻み)</c>.</summary>
    public string MemoryMiBText => Describe(MemoryMiB, m => JapaneseFormat.Number(m));

    /// <summary>The same sizes in GB: <c>0.5, 1, 2</c> or <c>1〜4 (1 刻み)</c>.</summary>
    public string MemoryGBText => Describe(MemoryMiB, m => JapaneseFormat.Number(m / 1024m));

    private static string Describe(ImmutableArray<int> sizes, Func<int, string> write)
    {
        if (sizes.Length <= 3) return string.Join(", ", sizes.Select(write));
        var step = sizes[1] - sizes[0];
        return $"{write(sizes[0])}〜{write(sizes[^1])} ({write(step)} 刻み)";
    }
}

/// <summary>A cpu–memory pair someone asked Fargate for, and what Fargate makes of it.</summary>
/// <param name="Cpu">The task-level cpu as written (<c>"256"</c>, <c>"1 vCPU"</c>).</param>
/// <param name="Memory">The task-level memory as written (<c>"4096"</c>, <c>"4GB"</c>).</param>
/// <param name="CpuUnits">The cpu in units, when readable.</param>
/// <param name="MemoryMiB">The memory in MiB, when readable.</param>
/// <param name="IsValid">Whether Fargate offers the pair.</param>
/// <param name="Reason">Why the pair is refused (or that it is fine), in Japanese.</param>
/// <param name="Suggestion">What to change, in Japanese; empty when valid.</param>
public sealed record FargateSizeRequest(
    string Cpu, string Memory, int? CpuUnits, int? MemoryMiB, bool IsValid, JapaneseText Reason, JapaneseText Suggestion);

/// <summary>
/// The task sizes (CPU and memory pairs) Fargate accepts — 74 pairs from 0.25 vCPU / 512 MiB up to 16 vCPU /
/// 120 GiB — optionally with one requested pair highlighted and the reason it is refused.
/// </summary>
public sealed record FargateSizeTable(ImmutableArray<FargateSizeRow> Rows, FargateSizeRequest? Request = null)
{
    /// <summary>The Fargate table, smallest CPU first.</summary>
    public static FargateSizeTable Standard { get; } = new([.. FargateSizes.Options.Select(option => new FargateSizeRow(option))]);

    /// <summary>The row for <paramref name="cpu"/> units, or null when Fargate has no such CPU size.</summary>
    public FargateSizeRow? RowFor(int cpu) => Rows.FirstOrDefault(r => r.Cpu == cpu);

    /// <summary>Whether Fargate offers <paramref name="cpu"/> units with <paramref name="memoryMiB"/> MiB.</summary>
    public bool IsValid(int cpu, int memoryMiB, bool windows = false) =>
        RowFor(cpu) is { } row && (!windows || row.Windows) && row.MemoryMiB.Contains(memoryMiB);

    /// <summary>
    /// The table with the pair <paramref name="cpu"/> / <paramref name="memory"/> (as written in a task definition:
    /// units or vCPU, MiB or GB) judged and highlighted.
    /// </summary>
    public FargateSizeTable WithRequest(string cpu, string memory, bool windows = false) =>
        this with { Request = Judge(cpu, memory, windows) };

    private FargateSizeRequest Judge(string cpu, string memory, bool windows)
    {
        var cpuUnits = TaskSizeUnits.ParseCpu(cpu);
        var memoryMiB = TaskSizeUnits.ParseMemory(memory);
        var values = new Dictionary<string, string>
        {
            ["cpu"] = cpu,
            ["memory"] = memory,
        };
        FargateSizeRequest Refused(string reason, string suggestion) =>
            new(cpu, memory, cpuUnits, memoryMiB, false, JapaneseText.From(reason, values), JapaneseText.From(suggestion, values));

        if (cpuUnits is not { } units)
            return Refused("cpu の値 `{cpu}` を読み取れません。", "cpu は CPU ユニットの整数 (`256`) か vCPU 数 (`0.25 vCPU`) で書きます。");
        if (memoryMiB is not { } mib)
            return Refused("memory の値 `{memory}` を読み取れません。", "memory は MiB の整数 (`512`) か GB 数 (`0.5GB`) で書きます。");
        values["cpuUnits"] = JapaneseFormat.Number(units);
        values["mib"] = JapaneseFormat.Number(mib);
        if (RowFor(units) is not { } row)
            return Refused("Fargate に cpu {cpuUnits} のサイズはありません。",
                $"cpu は {CodeList(Rows.Select(r => r.Cpu))} のどれかにします (1024 = 1 vCPU)。");
        values["vcpu"] = JapaneseFormat.Number(row.VCpu);
        values["valid"] = row.MemoryMiBText;
        if (windows && !row.Windows)
            return Refused("Windows のタスクは cpu {cpuUnits} ({vcpu} vCPU) を使えません。",
                "Windows では cpu を `1024`、`2048`、`4096` のどれかにします。");
        if (!row.MemoryMiB.Contains(mib))
        {
            var cpusForMemory = Rows.Where(r => (!windows || r.Windows) && r.MemoryMiB.Contains(mib)).Select(r => r.Cpu).ToList();
            var suggestion = "memory を cpu {cpuUnits} で使える値 ({valid} MiB) のどれかにします。";
            if (cpusForMemory.Count > 0)
            {
                suggestion += $"メモリを {{mib}} MiB のままにしたいなら、cpu を {CodeList(cpusForMemory)} のどれかにします。";
            }
            return Refused("cpu {cpuUnits} ({vcpu} vCPU) と memory {mib} MiB の組み合わせは Fargate にありません。", suggestion);
        }
        return new(cpu, memory, units, mib, true,
            JapaneseText.From("cpu {cpuUnits} ({vcpu} vCPU) と memory {mib} MiB は Fargate で使える組み合わせです。", values), JapaneseText.Empty);
    }

    /// <summary>Numbers as code words joined by 、 (the numbers are ours, so they may go into a template).</summary>
    private static string CodeList(IEnumerable<int> numbers) =>
        string.Join("、", numbers.Select(n => "`" + n.ToString(CultureInfo.InvariantCulture) + "`"));
}
