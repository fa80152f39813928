using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Images;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Ecr.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Logs.Domain;

namespace EcsWorkshop.Simulator.Integration;

/// <summary>
/// The world around the simulated ECS: images in the simulated ECR must exist to be pulled (and resolve to their
/// real digest), images from any other registry are taken as public and pullable, and an <c>awslogs</c> container
/// needs its log group (or <c>awslogs-create-group</c>). The failures read as ECS's do.
/// </summary>
public sealed class SimulatedAwsEnvironment(EcrEngine ecr, LogsEngine logs, RegistryAddress registry, string accountId) : IContainerEnvironment
{
    /// <summary>
    /// The files of the simulated ECR's images, to tell when a container's program exits as it starts (BusyBox httpd
    /// with a <c>-h</c> folder the image lacks); null: never told.
    /// </summary>
    public StandIns.ImageFileTrees? Images { get; init; }

    /// <summary>The world around the single learner's ECS (account <see cref="SimulatedAccount.Id"/>).</summary>
    public SimulatedAwsEnvironment(EcrEngine ecr, LogsEngine logs, RegistryAddress registry) : this(ecr, logs, registry, SimulatedAccount.Id)
    {
    }

    public ContainerReadiness Check(string region, ContainerDefinition container)
    {
        var image = CheckImage(region, container.Image);
        if (image.StartFailure is not null) return image;
        if (LogGroupFailure(region, container) is { } failure) return ContainerReadiness.Failed(failure);
        return Images?.Of(image.ImageDigest) is { } files
            && StandIns.BusyboxHttpd.MissingDocumentRoot(StandIns.SimulatedTaskServers.CommandLine(container.EntryPoint, container.Command, files), files) is { } missing
            ? image with { ExitAtStart = StandIns.BusyboxHttpd.ExitForMissingDocumentRoot(missing) }
            : image;
    }

    private ContainerReadiness CheckImage(string region, string image)
    {
        if (!ImageReference.TryParse(image, out var reference))
            return ContainerReadiness.Failed(StopReasons.ImageReferenceInvalid.Format(image));
        if (EcrRegionOf(reference, region) is not { } ecrRegion) return ContainerReadiness.Ready(null);

        var arns = new EcrArns(ecrRegion, accountId);
        var world = ecr.World;
        var found = world.Repositories.GetValueOrDefault(arns.Repository(reference.Repository)) is { } repository
            ? ImageQueries.Find(world, repository, reference.Digest?.ToString(), reference.Digest is null ? reference.TagOrLatest : null)
            : null;
        if (found is not null) return ContainerReadiness.Ready(found.Digest);
        var written = image.Contains('@') || image[(image.LastIndexOf('/') + 1)..].Contains(':') ? image : image + ":latest";
        return ContainerReadiness.Failed(StopReasons.ImageNotFound.Format(written));
    }

    /// <summary>The region of the simulated ECR an image lives in, or null when it is in another registry.</summary>
    private string? EcrRegionOf(ImageReference reference, string taskRegion)
    {
        var host = reference.Registry;
        if (registry.IsKnown && (host == registry.Host || host == registry.Host.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)))
            return taskRegion;
        var parts = host.Split('.');
        return parts is [var account, "dkr", "ecr", var region, "amazonaws", "com"] && account == accountId
            ? region
            : null;
    }

    private string? LogGroupFailure(string region, ContainerDefinition container)
    {
        if (container.LogConfiguration is not { LogDriver: "awslogs", Options: var options }) return null;
        if (!options.TryGetValue("awslogs-group", out var group)) return null;
        if (options.TryGetValue("awslogs-create-group", out var create) && create.Equals("true", StringComparison.OrdinalIgnoreCase)) return null;
        var logRegion = options.TryGetValue("awslogs-region", out var r) ? r : region;
        var arns = new LogsArns(logRegion, accountId);
        return logs.World.Groups.ContainsKey(arns.Group(group))
            ? null
            : StopReasons.LogGroupMissing.Format();
    }
}
