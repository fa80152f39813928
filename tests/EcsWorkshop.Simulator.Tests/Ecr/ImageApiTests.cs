using System.Text;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Ecr;

/// <summary>PutImage, BatchGetImage, ListImages and BatchDeleteImage through the real AWS CLI.</summary>
public sealed class ImageApiTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    private async Task<TestOciLayout> RepositoryWithBlobsAsync(string repository, string content, string mutability = "MUTABLE")
    {
        (await Cli.RunAsync("ecr", "create-repository", "--repository-name", repository, "--image-tag-mutability", mutability)).Succeeded();
        var image = TestOciLayout.Create(content);
        using var registry = new RegistryHttp(simulator.Server.Endpoint);
        registry.UsePassword(await registry.PasswordAsync());
        await registry.PushBlobAsync(repository, image.Layer, image.LayerDigest);
        await registry.PushBlobAsync(repository, image.Config, image.ConfigDigest);
        return image;
    }

    [Fact]
    public async Task Put_image_stores_the_manifest_under_its_sha256_digest()
    {
        var image = await RepositoryWithBlobsAsync("put-app", "put");

        var put = (await Cli.RunAsync("ecr", "put-image", "--repository-name", "put-app", "--image-tag", "v1",
            "--image-manifest", Encoding.UTF8.GetString(image.Manifest))).Succeeded().Json.GetProperty("image");
        var got = (await Cli.RunAsync("ecr", "batch-get-image", "--repository-name", "put-app", "--image-ids", "imageTag=v1")).Succeeded().Json;

        Assert.Equal(image.ManifestDigest, put.GetProperty("imageId").GetProperty("imageDigest").GetString());
        Assert.Equal(Encoding.UTF8.GetString(image.Manifest), got.GetProperty("images")[0].GetProperty("imageManifest").GetString());
        Assert.Equal("application/vnd.oci.image.manifest.v1+json", got.GetProperty("images")[0].GetProperty("imageManifestMediaType").GetString());
    }

    [Fact]
    public async Task Put_image_refuses_a_manifest_whose_layers_were_never_pushed()
    {
        (await Cli.RunAsync("ecr", "create-repository", "--repository-name", "no-layers")).Succeeded();
        var image = TestOciLayout.Create("no layers");

        await Cli.FailsAsync("LayersNotFoundException", "ecr", "put-image", "--repository-name", "no-layers", "--image-tag", "v1",
            "--image-manifest", Encoding.UTF8.GetString(image.Manifest));
    }

    [Fact]
    public async Task Put_image_again_with_the_same_tag_is_ImageAlreadyExistsException()
    {
        var image = await RepositoryWithBlobsAsync("again-app", "again");
        string[] put = ["ecr", "put-image", "--repository-name", "again-app", "--image-tag", "v1", "--image-manifest", Encoding.UTF8.GetString(image.Manifest)];
        (await Cli.RunAsync(put)).Succeeded();

        await Cli.FailsAsync("ImageAlreadyExistsException", put);
    }

    [Fact]
    public async Task A_wrong_image_digest_is_ImageDigestDoesNotMatchException()
    {
        var image = await RepositoryWithBlobsAsync("digest-app", "digest");

        await Cli.FailsAsync("ImageDigestDoesNotMatchException", "ecr", "put-image", "--repository-name", "digest-app",
            "--image-digest", "sha256:" + new string('0', 64), "--image-manifest", Encoding.UTF8.GetString(image.Manifest));
    }

    [Fact]
    public async Task An_immutable_repository_refuses_to_retag()
    {
        var first = await RepositoryWithBlobsAsync("immutable-app", "first", "IMMUTABLE");
        (await Cli.RunAsync("ecr", "put-image", "--repository-name", "immutable-app", "--image-tag", "latest", "--image-manifest", Encoding.UTF8.GetString(first.Manifest))).Succeeded();
        var second = TestOciLayout.Create("second");
        using var registry = new RegistryHttp(simulator.Server.Endpoint);
        registry.UsePassword(await registry.PasswordAsync());
        await registry.PushBlobAsync("immutable-app", second.Layer, second.LayerDigest);
        await registry.PushBlobAsync("immutable-app", second.Config, second.ConfigDigest);

        var error = await Cli.FailsAsync("ImageTagAlreadyExistsException", "ecr", "put-image", "--repository-name", "immutable-app",
            "--image-tag", "latest", "--image-manifest", Encoding.UTF8.GetString(second.Manifest));

        Assert.Contains("cannot be overwritten because the repository is immutable", error);
    }

    [Fact]
    public async Task Batch_get_and_delete_report_missing_images_as_failures()
    {
        var image = await RepositoryWithBlobsAsync("batch-app", "batch");
        (await Cli.RunAsync("ecr", "put-image", "--repository-name", "batch-app", "--image-tag", "v1", "--image-manifest", Encoding.UTF8.GetString(image.Manifest))).Succeeded();

        var got = (await Cli.RunAsync("ecr", "batch-get-image", "--repository-name", "batch-app", "--image-ids", "imageTag=v1", "imageTag=nope")).Succeeded().Json;
        var deleted = (await Cli.RunAsync("ecr", "batch-delete-image", "--repository-name", "batch-app", "--image-ids", "imageTag=v1", "imageTag=nope")).Succeeded().Json;
        var listed = (await Cli.RunAsync("ecr", "list-images", "--repository-name", "batch-app")).Succeeded().Json;

        Assert.Single(got.GetProperty("images").EnumerateArray());
        Assert.Equal("ImageNotFound", got.GetProperty("failures")[0].GetProperty("failureCode").GetString());
        Assert.Equal(image.ManifestDigest, deleted.GetProperty("imageIds")[0].GetProperty("imageDigest").GetString());
        Assert.Equal("ImageNotFound", deleted.GetProperty("failures")[0].GetProperty("failureCode").GetString());
        Assert.Empty(listed.GetProperty("imageIds").EnumerateArray());
    }
}
