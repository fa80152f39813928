using System.Globalization;

namespace EcsWorkshop.Display.Formatting;

/// <summary>
/// Numbers, dates and sizes written the way a Japanese reader expects, whatever the machine's culture is
/// (under <c>LANG=C.UTF-8</c> .NET runs with the invariant culture, so <c>ja-JP</c> is named explicitly).
/// </summary>
public static class JapaneseFormat
{
    /// <summary>The <c>ja-JP</c> culture every number and date on screen is written in.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>Japan Standard Time: UTC+9 all year (Japan has no daylight saving time).</summary>
    public static TimeSpan JstOffset { get; } = TimeSpan.FromHours(9);

    /// <summary>The date-and-time pattern used everywhere: <c>2026/11/29 13:05:09</c>.</summary>
    public const string DateTimePattern = "yyyy/MM/dd HH:mm:ss";

    /// <summary>A moment in Japan Standard Time, as <c>yyyy/MM/dd HH:mm:ss</c>.</summary>
    public static string DateTime(DateTimeOffset moment) =>
        moment.ToOffset(JstOffset).ToString(DateTimePattern, Culture);

    /// <summary>A moment in Japan Standard Time, or a dash when there is none.</summary>
    public static string DateTime(DateTimeOffset? moment) => moment is { } m ? DateTime(m) : Dash;

    /// <summary>The same moment as an ISO 8601 string with its +09:00 offset, for machine-readable attributes.</summary>
    public static string IsoDateTime(DateTimeOffset moment) =>
        moment.ToOffset(JstOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A whole number with digit grouping: <c>1,024</c>.</summary>
    public static string Number(long value) => value.ToString("N0", Culture);

    /// <summary>A decimal number without trailing zeros: <c>0.25</c>, <c>1</c>, <c>1.5</c>.</summary>
    public static string Number(decimal value) => value.ToString("0.###", Culture);

    /// <summary>What is shown where a value is absent.</summary>
    public const string Dash = "-";

    /// <summary>An image or blob size: bytes below 1 KiB, else KiB / MiB / GiB with one or two decimals.</summary>
    public static string Bytes(long bytes)
    {
        if (bytes < 1024) return $"{Number(bytes)} B";
        string[] units = ["KiB", "MiB", "GiB", "TiB"];
        var value = bytes / 1024m;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return $"{value.ToString(value < 10 ? "0.00" : "0.0", Culture)} {units[unit]}";
    }

    /// <summary>Memory in MiB with its size in GB beside it: <c>2,048 MiB (2 GB)</c>.</summary>
    public static string MemoryMiB(int mib) => $"{Number(mib)} MiB ({Number(mib / 1024m)} GB)";
}
