using EcsWorkshop.Facts.Wire;

namespace EcsWorkshop.Facts.Tests.Wire;

public sealed class WireNamesTests
{
    private enum Mode { Awsvpc, Bridge }

    private static readonly WireNames<Mode> Modes = new(("bridge", Mode.Bridge), ("awsvpc", Mode.Awsvpc));

    [Fact]
    public void A_name_reads_as_its_value_and_a_value_writes_as_its_name()
    {
        Assert.True(Modes.TryParse("awsvpc", out var mode));
        Assert.Equal(Mode.Awsvpc, mode);
        Assert.Equal("bridge", Modes.NameOf(Mode.Bridge));
    }

    [Theory]
    [InlineData("AWSVPC")]
    [InlineData("Awsvpc")]
    [InlineData("")]
    [InlineData(null)]
    public void Names_are_compared_as_aws_compares_them_case_sensitively(string? name) =>
        Assert.False(Modes.TryParse(name, out _));

    [Fact]
    public void The_names_keep_the_order_they_were_given_in() =>
        Assert.Equal(["bridge", "awsvpc"], Modes.Names);

    [Fact]
    public void A_table_of_strings_maps_each_name_to_itself()
    {
        var fields = WireNames.Of("TAGS");

        Assert.True(fields.TryParse("TAGS", out var field));
        Assert.Equal(("TAGS", "TAGS"), (field, fields.NameOf("TAGS")));
        Assert.False(fields.TryParse("tags", out _));
    }
}
