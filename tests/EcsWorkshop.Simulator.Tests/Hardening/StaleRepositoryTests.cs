using EcsWorkshop.Simulator.Errors;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// A push looks its repository up, then stores the image; the repository may be deleted in between. Storing then
/// fails as RepositoryNotFoundException (the registry answers NAME_UNKNOWN), not with a crash.
/// </summary>
public sealed class StaleRepositoryTests : IDisposable
{
    private readonly SimulatedWorld _world = SimulatedWorld.WithEcrAndLogs();

    [Fact]
    public void Storing_an_image_into_a_repository_deleted_after_it_was_looked_up_is_RepositoryNotFoundException()
    {
        _world.Ecr("CreateRepository", new { repositoryName = "short-lived" });
        var ecr = _world.EcrEngine!;
        var arns = new EcrArns(SimulatedWorld.Region, RequestContext.SimulatedAccountId);
        var lookedUp = RepositoryQueries.Require(ecr.World, arns, "short-lived");
        _world.Ecr("DeleteRepository", new { repositoryName = "short-lived", force = true });
        var manifest = ManifestDocument.Parse(TestOciLayout.Create("stale").Manifest, ManifestDocument.OciManifest);

        var error = Assert.Throws<DomainError>(() =>
            ecr.Mutate(tx => ImageCommands.Put(tx, arns, lookedUp, manifest, "v1", RepeatedPush.Accept)));

        Assert.Equal("RepositoryNotFoundException", error.Code);
        Assert.Empty(ecr.World.Images);
    }

    public void Dispose() => _world.Dispose();
}
