using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class TaskSizeNormalisationTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Theory]
    [InlineData("1 vCPU", "1024")]
    [InlineData("1vcpu", "1024")]
    [InlineData("0.25 vCPU", "256")]
    [InlineData("0.5 vcpu", "512")]
    [InlineData("2 VCPU", "2048")]
    [InlineData("1024", "1024")]
    public void Task_cpu_is_stored_as_cpu_units(string written, string stored)
    {
        var request = TaskDefinitionSamples.Ec2();
        request["cpu"] = written;

        Assert.Equal(stored, _world.Register(request).GetProperty("cpu").GetString());
    }

    [Theory]
    [InlineData("1GB", "1024")]
    [InlineData("1 GB", "1024")]
    [InlineData("2 gb", "2048")]
    [InlineData("0.5GB", "512")]
    [InlineData("512", "512")]
    public void Task_memory_is_stored_in_mib(string written, string stored)
    {
        var request = TaskDefinitionSamples.Fargate(cpu: "256", memory: written);

        Assert.Equal(stored, _world.Register(request).GetProperty("memory").GetString());
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("0.1 vCPU")]
    [InlineData("64")]
    [InlineData("-256")]
    public void Unreadable_task_cpu_is_refused(string cpu)
    {
        var error = _world.RegisterFails(TaskDefinitionSamples.Fargate(cpu: cpu));

        Assert.Equal("ClientException", error.Code);
        Assert.StartsWith("Invalid 'cpu' setting for task.", error.Message);
    }

    [Theory]
    [InlineData("1TB")]
    [InlineData("half a gig")]
    [InlineData("0")]
    public void Unreadable_task_memory_is_refused(string memory)
    {
        var error = _world.RegisterFails(TaskDefinitionSamples.Fargate(memory: memory));

        Assert.Equal("ClientException", error.Code);
        Assert.StartsWith("Invalid 'memory' setting for task.", error.Message);
    }

    public void Dispose() => _world.Dispose();
}
