using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class ContainerMemoryValidationTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void Without_task_memory_a_container_needs_memory_or_memory_reservation()
    {
        var request = TaskDefinitionSamples.Ec2();
        request.Web().Remove("memory");

        var error = _world.RegisterFails(request);

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified.", error.Message);
    }

    [Fact]
    public void Without_task_memory_a_memory_reservation_is_enough()
    {
        var request = TaskDefinitionSamples.Ec2();
        request.Web().Remove("memory");
        request.Web()["memoryReservation"] = 128;

        Assert.Equal(128, _world.Register(request).GetProperty("containerDefinitions")[0].GetProperty("memoryReservation").GetInt32());
    }

    [Fact]
    public void With_task_memory_a_container_may_leave_its_own_memory_out()
    {
        var request = TaskDefinitionSamples.Ec2();
        request.Web().Remove("memory");
        request["memory"] = "512";

        Assert.Equal("512", _world.Register(request).GetProperty("memory").GetString());
    }

    [Fact]
    public void A_container_may_not_have_more_memory_than_the_task()
    {
        var request = TaskDefinitionSamples.Fargate(cpu: "256", memory: "512");
        request.Web()["name"] = "worker";
        request.Web()["memory"] = 1024;

        var error = _world.RegisterFails(request);

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("The 'memory' setting for container 'worker' is greater than for the task.", error.Message);
    }

    [Fact]
    public void A_container_may_not_reserve_more_memory_than_the_task()
    {
        var request = TaskDefinitionSamples.Fargate(cpu: "256", memory: "512");
        request.Web()["memoryReservation"] = 768;

        Assert.Equal("The 'memoryReservation' setting for container 'web' is greater than for the task.", _world.RegisterFails(request).Message);
    }

    [Fact]
    public void A_container_memory_limit_below_its_reservation_is_refused()
    {
        var request = TaskDefinitionSamples.Ec2();
        request.Web()["memory"] = 128;
        request.Web()["memoryReservation"] = 256;

        Assert.Equal("Invalid setting for container 'web'. 'memory' must be greater than or equal to 'memoryReservation'.", _world.RegisterFails(request).Message);
    }

    public void Dispose() => _world.Dispose();
}
