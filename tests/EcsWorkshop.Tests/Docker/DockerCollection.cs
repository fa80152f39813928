namespace EcsWorkshop.Tests.Docker;

/// <summary>The tests that use the Docker engine run one after another (they share its local base image).</summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection
{
    public const string Name = "Docker engine";
}
