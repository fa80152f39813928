using EcsWorkshop.Facts.Fargate;

namespace EcsWorkshop.Facts.Tests.Fargate;

public sealed class TaskSizeUnitsTests
{
    [Theory]
    [InlineData("1024", 1024)]
    [InlineData(" 512 ", 512)]
    [InlineData("1 vCPU", 1024)]
    [InlineData("1vcpu", 1024)]
    [InlineData("2 VCPU", 2048)]
    [InlineData("0.25 vCPU", 256)]
    [InlineData("4 vCPUs", 4096)]
    public void Cpu_is_read_as_units_or_vcpus_in_any_case(string written, int units) =>
        Assert.Equal(units, TaskSizeUnits.ParseCpu(written));

    [Theory]
    [InlineData("2048", 2048)]
    [InlineData("1GB", 1024)]
    [InlineData("1 GB", 1024)]
    [InlineData("2 gb", 2048)]
    [InlineData("0.5GB", 512)]
    [InlineData("4 GiB", 4096)]
    public void Memory_is_read_as_mib_or_gigabytes_in_any_case(string written, int mib) =>
        Assert.Equal(mib, TaskSizeUnits.ParseMemory(written));

    [Theory]
    [InlineData("0")]
    [InlineData("0 vCPU")]
    [InlineData("-256")]
    [InlineData("0.1 vCPU")]
    [InlineData("256.5")]
    [InlineData("lots")]
    [InlineData("")]
    [InlineData("1 TB")]
    [InlineData("99999999999")]
    public void Zero_fractions_negatives_and_words_are_unreadable(string written)
    {
        Assert.Null(TaskSizeUnits.ParseCpu(written));
        Assert.Null(TaskSizeUnits.ParseMemory(written));
    }

    [Fact]
    public void A_cpu_unit_is_not_a_memory_unit()
    {
        Assert.Null(TaskSizeUnits.ParseMemory("1 vCPU"));
        Assert.Null(TaskSizeUnits.ParseCpu("1GB"));
    }

    [Theory]
    [InlineData(127, false)]
    [InlineData(128, true)]
    [InlineData(196608, true)]
    [InlineData(196609, false)]
    public void Task_cpu_runs_from_an_eighth_to_192_vcpus(int units, bool accepted) =>
        Assert.Equal(accepted, TaskSizeUnits.IsTaskCpu(units));
}
