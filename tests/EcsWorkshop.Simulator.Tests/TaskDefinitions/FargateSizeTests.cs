using System.Text.Json.Nodes;
using EcsWorkshop.Facts.Fargate;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class FargateSizeTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    /// <summary>The Fargate table as AWS documents it, written out independently of the simulator's table.</summary>
    private static IEnumerable<(int Cpu, int Memory)> DocumentedPairs()
    {
        foreach (var memory in new[] { 512, 1024, 2048 }) yield return (256, memory);
        for (var memory = 1024; memory <= 4096; memory += 1024) yield return (512, memory);
        for (var memory = 2048; memory <= 8192; memory += 1024) yield return (1024, memory);
        for (var memory = 4096; memory <= 16384; memory += 1024) yield return (2048, memory);
        for (var memory = 8192; memory <= 30720; memory += 1024) yield return (4096, memory);
        for (var memory = 16384; memory <= 61440; memory += 4096) yield return (8192, memory);
        for (var memory = 32768; memory <= 122880; memory += 8192) yield return (16384, memory);
    }

    [Fact]
    public void The_table_holds_exactly_the_74_documented_pairs()
    {
        var documented = DocumentedPairs().ToList();

        Assert.Equal(74, documented.Count);
        Assert.Equal(documented, FargateSizes.ValidPairs.Select(p => (p.Cpu, p.MemoryMiB)));
    }

    [Fact]
    public void Fargate_accepts_every_one_of_the_74_valid_pairs()
    {
        foreach (var (cpu, memory) in DocumentedPairs())
        {
            var registered = _world.Register(TaskDefinitionSamples.Fargate($"size-{cpu}-{memory}", $"{cpu}", $"{memory}"));

            Assert.Equal($"{cpu}", registered.GetProperty("cpu").GetString());
            Assert.Contains("FARGATE", registered.GetProperty("compatibilities").Strings());
        }
        Assert.Equal(74, _world.Engine.World.TaskDefinitions.Count);
    }

    [Fact]
    public void Fargate_rejects_256_cpu_with_4096_memory()
    {
        var error = _world.RegisterFails(TaskDefinitionSamples.Fargate(cpu: "256", memory: "4096"));

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation for the valid values.", error.Message);
        Assert.Empty(_world.Engine.World.TaskDefinitions);
    }

    [Theory]
    [InlineData(256, 1536)]
    [InlineData(512, 512)]
    [InlineData(1024, 1024)]
    [InlineData(1024, 9216)]
    [InlineData(4096, 31744)]
    [InlineData(8192, 18432)]
    [InlineData(8192, 65536)]
    [InlineData(16384, 36864)]
    [InlineData(32768, 65536)]
    [InlineData(128, 512)]
    public void Fargate_rejects_sizes_outside_the_table(int cpu, int memory)
    {
        var error = _world.RegisterFails(TaskDefinitionSamples.Fargate(cpu: $"{cpu}", memory: $"{memory}"));

        Assert.Equal("ClientException", error.Code);
        Assert.StartsWith($"No Fargate configuration exists for given values: {cpu} CPU, {memory} memory.", error.Message);
    }

    [Fact]
    public void The_table_can_be_written_in_vcpu_and_gigabytes()
    {
        var registered = _world.Register(TaskDefinitionSamples.Fargate(cpu: "8 vCPU", memory: "20 GB"));

        Assert.Equal("8192", registered.GetProperty("cpu").GetString());
        Assert.Equal("20480", registered.GetProperty("memory").GetString());
    }

    [Theory]
    [InlineData("256", "512")]
    [InlineData("512", "1024")]
    [InlineData("8192", "16384")]
    public void Windows_on_Fargate_needs_1_to_4_vcpu(string cpu, string memory)
    {
        var error = _world.RegisterFails(Windows(TaskDefinitionSamples.Fargate(cpu: cpu, memory: memory)));

        Assert.StartsWith($"No Fargate configuration exists for given values: {cpu} CPU, {memory} memory.", error.Message);
    }

    [Fact]
    public void Windows_on_Fargate_accepts_1_vcpu_with_2_gb()
    {
        var registered = _world.Register(Windows(TaskDefinitionSamples.Fargate(cpu: "1024", memory: "2048")));

        Assert.Equal("WINDOWS_SERVER_2019_CORE", registered.GetProperty("runtimePlatform").GetProperty("operatingSystemFamily").GetString());
    }

    private static JsonObject Windows(JsonObject request)
    {
        request["runtimePlatform"] = new JsonObject { ["operatingSystemFamily"] = "WINDOWS_SERVER_2019_CORE", ["cpuArchitecture"] = "X86_64" };
        return request;
    }

    public void Dispose() => _world.Dispose();
}
