using EcsWorkshop.Cli.Commands;

namespace EcsWorkshop.Simulator.Tests.Server;

/// <summary>What <c>workshop serve</c> says about the address it listens on and the host token it makes.</summary>
public sealed class ClassroomServingTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("127.0.0.2")]
    public void A_loopback_address_needs_no_warning(string host)
    {
        Assert.Null(ClassroomServing.ExposureWarning(host));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.10.20")]
    [InlineData("::")]
    public void A_non_loopback_address_is_warned_about_by_name(string host)
    {
        var warning = ClassroomServing.ExposureWarning(host);

        Assert.NotNull(warning);
        Assert.StartsWith("警告", warning);
        Assert.Contains(host, warning);
    }

    [Fact]
    public void Host_tokens_are_long_url_safe_and_never_repeat()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => ClassroomServing.NewHostToken()).ToList();

        Assert.All(tokens, t => Assert.True(t.Length >= 32 && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), t));
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }
}
