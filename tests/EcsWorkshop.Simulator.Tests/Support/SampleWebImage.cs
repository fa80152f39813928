using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Images.Building;
using EcsWorkshop.Simulator.Ecr.Domain;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>
/// The workshop's sample app (<c>samples/web</c>: BusyBox httpd serving <c>/www</c> from <c>/start.sh</c>), built from
/// its Dockerfile by the project's image builder (a stand-in base, as lesson 01 builds it without Docker) and stored
/// in a world's simulated ECR as a push would. Returns the image URI tasks name.
/// </summary>
public static class SampleWebImage
{
    public static string Push(SimulatedWorld world, string repository = "sample-web", string tag = "v1")
    {
        var output = Directory.CreateTempSubdirectory("ecs-workshop-sample-build-");
        try
        {
            var built = ImageBuilder.Build(new ImageBuildOptions { ContextDirectory = RepositoryRoot.File("samples/web"), OutputDirectory = output.FullName });
            var ecr = world.EcrEngine ?? throw new InvalidOperationException("The world has no ECR.");
            world.Ecr("CreateRepository", new { repositoryName = repository });
            var arns = new EcrArns(SimulatedWorld.Region, SimulatedAccount.Id);
            foreach (var (descriptor, open) in built.Blobs())
            {
                using var stream = open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                ecr.Blobs.Put(copy.ToArray());
                ecr.Mutate(tx => RepositoryCommands.LinkBlob(tx, RepositoryQueries.Require(tx.World, arns, repository), descriptor.Digest.ToString()));
            }
            world.Ecr("PutImage", new { repositoryName = repository, imageTag = tag, imageManifest = System.Text.Encoding.UTF8.GetString(built.ManifestBytes) });
            return $"{SimulatedWorld.RegistryHost}/{repository}:{tag}";
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
