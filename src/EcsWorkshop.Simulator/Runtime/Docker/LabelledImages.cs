using Docker.DotNet;
using Docker.DotNet.Models;

namespace EcsWorkshop.Simulator.Runtime.Docker;

/// <summary>
/// Images in the engine that carry one label (<c>key=value</c>): what a run of the lessons built, pushed and pulled
/// (a pull by digest of a pushed image is the same image, so it carries the label too). Every tag of such an image
/// goes with it.
/// </summary>
public static class LabelledImages
{
    /// <summary>How many images carry the label.</summary>
    public static async Task<int> CountAsync(DockerClient client, string label, CancellationToken cancellationToken) =>
        (await ListAsync(client, label, cancellationToken).ConfigureAwait(false)).Count;

    /// <summary>Removes every image that carries the label (forced, so every tag goes); answers how many were removed.</summary>
    public static async Task<int> RemoveAsync(DockerClient client, string label, CancellationToken cancellationToken)
    {
        var images = await ListAsync(client, label, cancellationToken).ConfigureAwait(false);
        foreach (var image in images)
        {
            try
            {
                await client.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true }, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerImageNotFoundException)
            {
            }
        }
        return images.Count;
    }

    private static async Task<IList<ImagesListResponse>> ListAsync(DockerClient client, string label, CancellationToken cancellationToken) =>
        await client.Images.ListImagesAsync(new ImagesListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } },
        }, cancellationToken).ConfigureAwait(false);
}
