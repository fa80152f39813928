using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class NetworkModeValidationTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void With_awsvpc_host_and_container_ports_must_match()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web()["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 80, ["hostPort"] = 8080 });

        var error = _world.RegisterFails(request);

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("When networkMode=awsvpc, the host ports and container ports in port mappings must match.", error.Message);
    }

    [Fact]
    public void With_host_networking_host_and_container_ports_must_match()
    {
        var request = TaskDefinitionSamples.Ec2();
        request["networkMode"] = "host";
        request.Web()["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 80, ["hostPort"] = 8080 });

        Assert.Equal("When networkMode=host, the host ports and container ports in port mappings must match.", _world.RegisterFails(request).Message);
    }

    [Fact]
    public void With_bridge_networking_any_host_port_may_be_mapped()
    {
        var request = TaskDefinitionSamples.Ec2();
        request.Web()["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 80, ["hostPort"] = 8080 });

        var mapping = _world.Register(request).GetProperty("containerDefinitions")[0].GetProperty("portMappings")[0];

        Assert.Equal(8080, mapping.GetProperty("hostPort").GetInt32());
    }

    [Fact]
    public void A_hostname_is_not_supported_with_awsvpc()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web()["hostname"] = "web.local";

        Assert.Equal("hostname is not supported on container when networkMode=awsvpc.", _world.RegisterFails(request).Message);
    }

    [Fact]
    public void Network_mode_none_allows_no_port_mappings()
    {
        var request = TaskDefinitionSamples.Ec2();
        request["networkMode"] = "none";

        var error = _world.RegisterFails(request);

        Assert.Equal("ClientException", error.Code);
        Assert.Contains("networkMode=none", error.Message);
    }

    [Fact]
    public void Network_mode_none_without_port_mappings_is_accepted()
    {
        var request = TaskDefinitionSamples.Ec2();
        request["networkMode"] = "none";
        request.Web().Remove("portMappings");

        Assert.Equal("none", _world.Register(request).GetProperty("networkMode").GetString());
    }

    [Fact]
    public void A_port_mapping_needs_a_container_port()
    {
        var request = TaskDefinitionSamples.Fargate();
        request.Web()["portMappings"] = new JsonArray(new JsonObject { ["hostPort"] = 80 });

        Assert.Equal("InvalidParameterException", _world.RegisterFails(request).Code);
    }

    [Fact]
    public void External_compatibility_refuses_awsvpc()
    {
        var request = TaskDefinitionSamples.Ec2();
        request["networkMode"] = "awsvpc";
        request["requiresCompatibilities"] = new JsonArray("EXTERNAL");

        Assert.Equal("ClientException", _world.RegisterFails(request).Code);
    }

    public void Dispose() => _world.Dispose();
}
