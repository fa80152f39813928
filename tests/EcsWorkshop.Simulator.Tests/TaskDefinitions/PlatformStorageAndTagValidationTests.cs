using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class PlatformStorageAndTagValidationTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void ARM64_runs_Linux_only()
    {
        var request = TaskDefinitionSamples.Fargate(cpu: "1024", memory: "2048");
        request["runtimePlatform"] = new JsonObject { ["operatingSystemFamily"] = "WINDOWS_SERVER_2022_CORE", ["cpuArchitecture"] = "ARM64" };

        var error = _world.RegisterFails(request);

        Assert.Equal("ClientException", error.Code);
        Assert.Contains("ARM64", error.Message);
    }

    [Fact]
    public void ARM64_Linux_runs_on_Fargate()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["runtimePlatform"] = new JsonObject { ["operatingSystemFamily"] = "LINUX", ["cpuArchitecture"] = "ARM64" };

        var registered = _world.Register(request);

        Assert.Equal("ARM64", registered.GetProperty("runtimePlatform").GetProperty("cpuArchitecture").GetString());
        Assert.Contains("FARGATE", registered.GetProperty("compatibilities").Strings());
    }

    [Theory]
    [InlineData(20, "EphemeralStorage size should be at least 21")]
    [InlineData(201, "EphemeralStorage size should be at most 200")]
    public void Ephemeral_storage_must_be_21_to_200_GiB(int size, string message)
    {
        var request = TaskDefinitionSamples.Fargate();
        request["ephemeralStorage"] = new JsonObject { ["sizeInGiB"] = size };

        var error = _world.RegisterFails(request);

        Assert.Equal("ClientException", error.Code);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(200)]
    public void Ephemeral_storage_at_the_limits_is_kept(int size)
    {
        var request = TaskDefinitionSamples.Fargate();
        request["ephemeralStorage"] = new JsonObject { ["sizeInGiB"] = size };

        Assert.Equal(size, _world.Register(request).GetProperty("ephemeralStorage").GetProperty("sizeInGiB").GetInt32());
    }

    [Fact]
    public void More_than_50_tags_are_refused()
    {
        var request = TaskDefinitionSamples.Fargate();
        request["tags"] = new JsonArray([.. Enumerable.Range(0, 51).Select(i => (JsonNode)new JsonObject { ["key"] = $"k{i}", ["value"] = "v" })]);

        Assert.Equal("InvalidParameterException", _world.RegisterFails(request).Code);
    }

    [Theory]
    [InlineData(129, 1)]
    [InlineData(1, 257)]
    public void Tag_keys_over_128_and_values_over_256_characters_are_refused(int keyLength, int valueLength)
    {
        var request = TaskDefinitionSamples.Fargate();
        request["tags"] = new JsonArray(new JsonObject { ["key"] = new string('k', keyLength), ["value"] = new string('v', valueLength) });

        Assert.Equal("InvalidParameterException", _world.RegisterFails(request).Code);
        Assert.Empty(_world.Engine.World.TaskDefinitions);
    }

    public void Dispose() => _world.Dispose();
}
