using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>AWS's lists and maps hold no nulls: a null element or value is a SerializationException, not a crash.</summary>
public sealed class NullElementTests : IDisposable
{
    private readonly SimulatedWorld _world = SimulatedWorld.WithEcrAndLogs();

    [Fact]
    public void A_null_in_a_list_of_names_is_SerializationException_naming_where_it_is()
    {
        var error = _world.EcsFailsAtEdge("DescribeTasks", new { cluster = "default", tasks = new string?[] { "abc", null } });

        Assert.Equal("SerializationException", error.Code);
        Assert.Equal("Unexpected null value at 'tasks[1]'.", error.Message);
    }

    [Fact]
    public void A_null_deep_in_a_request_is_found_too()
    {
        var error = _world.EcsFailsAtEdge("RunTask", new
        {
            taskDefinition = "web",
            networkConfiguration = new { awsvpcConfiguration = new { subnets = new string?[] { null } } },
        });

        Assert.Equal("Unexpected null value at 'networkConfiguration.awsvpcConfiguration.subnets[0]'.", error.Message);
    }

    [Fact]
    public void A_null_element_of_a_list_of_structures_is_refused_before_anything_changes()
    {
        var clustersBefore = _world.Engine.World.Clusters;

        var error = _world.EcsFailsAtEdge("CreateCluster", new { clusterName = "nulls", tags = new object?[] { new { key = "a", value = "b" }, null } });

        Assert.Equal("SerializationException", error.Code);
        Assert.Same(clustersBefore, _world.Engine.World.Clusters);
    }

    [Fact]
    public void A_null_map_value_is_SerializationException()
    {
        var error = Assert.ThrowsAny<EcsWorkshop.Simulator.Aws.AwsServiceException>(() =>
            _world.Logs("CreateLogGroup", new { logGroupName = "/nulls", tags = new Dictionary<string, string?> { ["team"] = null } }));

        Assert.Equal("SerializationException", error.Code);
        Assert.Equal("Unexpected null value at 'tags.team'.", error.Message);
        Assert.Empty(_world.LogsEngine!.World.Groups);
    }

    public void Dispose() => _world.Dispose();
}
