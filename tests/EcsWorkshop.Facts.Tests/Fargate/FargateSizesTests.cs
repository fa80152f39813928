using EcsWorkshop.Facts.Fargate;

namespace EcsWorkshop.Facts.Tests.Fargate;

public sealed class FargateSizesTests
{
    [Fact]
    public void There_are_74_pairs_in_seven_cpu_rows()
    {
        Assert.Equal(74, FargateSizes.ValidPairs.Length);
        Assert.Equal([256, 512, 1024, 2048, 4096, 8192, 16384], FargateSizes.Options.Select(o => o.Cpu));
    }

    [Theory]
    [InlineData(256, 512, true)]
    [InlineData(256, 4096, false)]
    [InlineData(8192, 20480, true)]
    [InlineData(8192, 18432, false)]
    [InlineData(16384, 122880, true)]
    [InlineData(3072, 8192, false)]
    public void Fargate_offers_only_the_documented_pairs(int cpu, int memory, bool offered) =>
        Assert.Equal(offered, FargateSizes.IsValid(cpu, memory));

    [Fact]
    public void Windows_uses_only_the_1_2_and_4_vcpu_rows()
    {
        Assert.Equal([1024, 2048, 4096], FargateSizes.Options.Where(o => o.Windows).Select(o => o.Cpu));
        Assert.False(FargateSizes.IsValid(256, 512, windows: true));
        Assert.True(FargateSizes.IsValid(1024, 2048, windows: true));
    }

    [Fact]
    public void The_8_and_16_vcpu_rows_need_platform_1_4_0()
    {
        Assert.Equal("1.4.0", FargateSizes.OptionFor(8192)!.MinimumLinuxPlatformVersion);
        Assert.Null(FargateSizes.OptionFor(4096)!.MinimumLinuxPlatformVersion);
        Assert.Null(FargateSizes.OptionFor(3072));
    }
}
