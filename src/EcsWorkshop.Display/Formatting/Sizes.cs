using System.Globalization;
using EcsWorkshop.Facts.Arns;

namespace EcsWorkshop.Display.Formatting;

/// <summary>Task sizes as a learner reads them: CPU units with vCPUs, MiB with GB.</summary>
internal static class Sizes
{
    /// <summary><c>"256"</c> → <c>256 (0.25 vCPU)</c>; other text as it is; a dash when absent.</summary>
    public static string Cpu(string? units) =>
        int.TryParse(units, NumberStyles.None, CultureInfo.InvariantCulture, out var cpu)
            ? $"{JapaneseFormat.Number(cpu)} ({JapaneseFormat.Number(cpu / 1024m)} vCPU)"
            : string.IsNullOrEmpty(units) ? JapaneseFormat.Dash : units;

    /// <summary><c>"512"</c> → <c>512 MiB (0.5 GB)</c>; other text as it is; a dash when absent.</summary>
    public static string Memory(string? mib) =>
        int.TryParse(mib, NumberStyles.None, CultureInfo.InvariantCulture, out var memory)
            ? JapaneseFormat.MemoryMiB(memory)
            : string.IsNullOrEmpty(mib) ? JapaneseFormat.Dash : mib;

    /// <summary>A task definition ARN shortened to <c>family:revision</c>; anything else unchanged.</summary>
    public static string? ShortTaskDefinition(string? reference) =>
        reference is not null && reference.StartsWith("arn:", StringComparison.Ordinal) && reference.Contains(":task-definition/", StringComparison.Ordinal)
            ? Arn.NameOf(reference)
            : reference;
}
