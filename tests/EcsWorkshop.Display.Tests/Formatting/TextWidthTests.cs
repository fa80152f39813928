using EcsWorkshop.Display.Formatting;

namespace EcsWorkshop.Display.Tests.Formatting;

public class TextWidthTests
{
    [Theory]
    [InlineData("web", 3)]
    [InlineData("クラスター", 10)]
    [InlineData("タスクの必要数", 14)]
    [InlineData("CPU / メモリ", 12)]
    [InlineData("（全角）", 8)]
    [InlineData("1,024〜4,096", 12)]
    [InlineData("", 0)]
    public void Japanese_characters_take_two_columns(string text, int columns)
    {
        Assert.Equal(columns, TextWidth.Of(text));
    }

    [Fact]
    public void Padding_and_truncation_count_display_columns()
    {
        Assert.Equal("実行中    |", TextWidth.PadRight("実行中", 10) + "|");
        Assert.Equal("    実行中", TextWidth.PadLeft("実行中", 10));
        Assert.Equal("サービ…", TextWidth.Truncate("サービス名", 7));
        Assert.Equal("web", TextWidth.Truncate("web", 7));
    }
}
