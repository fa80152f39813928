using System.Globalization;
using EcsWorkshop.Display.Formatting;

namespace EcsWorkshop.Display.Tests.Formatting;

public class JapaneseFormatTests
{
    [Fact]
    public void Dates_are_written_in_Japan_time_whatever_offset_they_come_with()
    {
        var utc = new DateTimeOffset(2026, 12, 31, 15, 30, 0, TimeSpan.Zero);
        var newYork = utc.ToOffset(TimeSpan.FromHours(-5));

        Assert.Equal("2027/01/01 00:30:00", JapaneseFormat.DateTime(utc));
        Assert.Equal("2027/01/01 00:30:00", JapaneseFormat.DateTime(newYork));
        Assert.Equal("2027-01-01T00:30:00+09:00", JapaneseFormat.IsoDateTime(utc));
        Assert.Equal("-", JapaneseFormat.DateTime((DateTimeOffset?)null));
    }

    [Fact]
    public void Formatting_does_not_depend_on_the_machines_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1,234,567", JapaneseFormat.Number(1234567));
            Assert.Equal("0.25", JapaneseFormat.Number(0.25m));
            Assert.Equal("2026/11/29 13:05:06", JapaneseFormat.DateTime(new DateTimeOffset(2026, 11, 29, 4, 5, 6, TimeSpan.Zero)));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void The_culture_is_ja_JP()
    {
        Assert.Equal("ja-JP", JapaneseFormat.Culture.Name);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1,023 B")]
    [InlineData(1536, "1.50 KiB")]
    [InlineData(52_428_800, "50.0 MiB")]
    [InlineData(3_221_225_472L, "3.00 GiB")]
    public void Sizes_use_binary_units(long bytes, string expected)
    {
        Assert.Equal(expected, JapaneseFormat.Bytes(bytes));
    }

    [Fact]
    public void Memory_is_shown_in_MiB_and_GB()
    {
        Assert.Equal("512 MiB (0.5 GB)", JapaneseFormat.MemoryMiB(512));
        Assert.Equal("30,720 MiB (30 GB)", JapaneseFormat.MemoryMiB(30720));
    }
}
