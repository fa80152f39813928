using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class EnumValueValidationTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void An_unknown_network_mode_is_an_invalid_parameter_naming_the_allowed_values()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["networkMode"] = "AWSVPC";

        var error = _world.RegisterFails(request);

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("1 validation error detected: Value 'AWSVPC' at 'networkMode' failed to satisfy constraint: Member must satisfy enum value set: [bridge, host, awsvpc, none]", error.Message);
    }

    [Fact]
    public void An_unknown_compatibility_is_an_invalid_parameter()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["requiresCompatibilities"] = new JsonArray("FARGATE_SPOT");

        var error = _world.RegisterFails(request);

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("'requiresCompatibilities.1.member'", error.Message);
    }

    [Theory]
    [InlineData("cpuArchitecture", "X86")]
    [InlineData("operatingSystemFamily", "WINDOWS")]
    public void An_unknown_runtime_platform_value_is_an_invalid_parameter(string member, string value)
    {
        var request = TaskDefinitionSamples.Fargate();
        request["runtimePlatform"] = new JsonObject { [member] = value };

        var error = _world.RegisterFails(request);

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains($"'runtimePlatform.{member}'", error.Message);
    }

    [Fact]
    public void An_unknown_port_protocol_is_an_invalid_parameter()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web()["portMappings"]![0]!["protocol"] = "sctp";

        var error = _world.RegisterFails(request);

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("'containerDefinitions.1.member.portMappings.1.member.protocol'", error.Message);
    }

    [Fact]
    public void An_unknown_log_driver_is_an_invalid_parameter()
    {
        var request = TaskDefinitionSamples.Ec2();
        request.Web()["logConfiguration"] = new JsonObject { ["logDriver"] = "cloudwatch" };

        Assert.Equal("InvalidParameterException", _world.RegisterFails(request).Code);
    }

    [Theory]
    [InlineData("pidMode", "container")]
    [InlineData("ipcMode", "shared")]
    public void Unknown_pid_and_ipc_modes_are_invalid_parameters(string member, string value)
    {
        var request = TaskDefinitionSamples.Ec2();
        request[member] = value;

        Assert.Equal("InvalidParameterException", _world.RegisterFails(request).Code);
    }

    public void Dispose() => _world.Dispose();
}
