using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Ecr;

public sealed class ImageTests(Backends backends) : BackendTests(backends)
{
    private async Task<string> RepositoryAsync(string backend)
    {
        var name = UniqueNames.Next("images");
        await On(backend).Ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });
        return name;
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_put_image_is_listed_and_described_with_its_tag(string backend)
    {
        var ecr = On(backend).Ecr;
        var repository = await RepositoryAsync(backend);
        var put = (await ecr.PutImageAsync(new PutImageRequest { RepositoryName = repository, ImageManifest = Manifests.EmptyIndex("v1"), ImageTag = "v1" })).Image!;

        var ids = await ecr.ListAllImageIdsAsync(new ListImagesRequest { RepositoryName = repository }).ToListAsync();
        var detail = Assert.Single(await ecr.DescribeAllImagesAsync(new DescribeImagesRequest { RepositoryName = repository }).ToListAsync());

        Assert.Equal("v1", put.ImageId!.ImageTag);
        Assert.Equal(put.ImageId.ImageDigest, Assert.Single(ids).ImageDigest);
        Assert.Equal("v1", ids[0].ImageTag);
        Assert.Equal(put.ImageId.ImageDigest, detail.ImageDigest);
        Assert.Equal(["v1"], detail.ImageTags);
        Assert.InRange(detail.ImagePushedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task An_image_is_got_back_with_its_manifest_by_tag(string backend)
    {
        var ecr = On(backend).Ecr;
        var repository = await RepositoryAsync(backend);
        var manifest = Manifests.EmptyIndex("v1");
        await ecr.PutImageAsync(new PutImageRequest { RepositoryName = repository, ImageManifest = manifest, ImageTag = "v1" });

        var response = await ecr.BatchGetImageAsync(new BatchGetImageRequest { RepositoryName = repository, ImageIds = [new ImageIdentifier { ImageTag = "v1" }] });

        Assert.Equal(manifest, Assert.Single(response.Images!).ImageManifest);
        Assert.Empty(response.Failures ?? []);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Deleting_images_removes_the_found_ones_and_reports_the_missing_ones(string backend)
    {
        var ecr = On(backend).Ecr;
        var repository = await RepositoryAsync(backend);
        await ecr.PutImageAsync(new PutImageRequest { RepositoryName = repository, ImageManifest = Manifests.EmptyIndex("v1"), ImageTag = "v1" });

        var response = await ecr.BatchDeleteImageAsync(new BatchDeleteImageRequest
        {
            RepositoryName = repository,
            ImageIds = [new ImageIdentifier { ImageTag = "v1" }, new ImageIdentifier { ImageTag = "nope" }],
        });
        var left = await ecr.ListAllImageIdsAsync(new ListImagesRequest { RepositoryName = repository }).ToListAsync();

        Assert.Equal("v1", Assert.Single(response.ImageIds!).ImageTag);
        var failure = Assert.Single(response.Failures!);
        Assert.Equal(("nope", "ImageNotFound"), (failure.ImageId!.ImageTag, failure.FailureCode));
        Assert.Empty(left);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Describing_images_of_an_unknown_repository_is_RepositoryNotFoundException(string backend)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            On(backend).Ecr.DescribeImagesAsync(new DescribeImagesRequest { RepositoryName = UniqueNames.Next("missing") }));

        Assert.Equal("RepositoryNotFoundException", error.ErrorCode);
    }

    [Fact]
    public async Task An_image_digest_is_the_sha256_of_its_manifest()
    {
        var repository = await RepositoryAsync(Backends.Simulator);
        var manifest = Manifests.EmptyIndex("v1");

        var put = (await Simulator.Ecr.PutImageAsync(new PutImageRequest { RepositoryName = repository, ImageManifest = manifest, ImageTag = "v1" })).Image!;

        Assert.Equal(Manifests.DigestOf(manifest), put.ImageId!.ImageDigest);
    }

    [Fact]
    public async Task Moto_gives_an_image_a_digest_that_is_not_the_sha256_of_its_manifest()
    {
        var repository = await RepositoryAsync(Backends.Moto);
        var manifest = Manifests.EmptyIndex("v1");

        var put = (await Moto.Ecr.PutImageAsync(new PutImageRequest { RepositoryName = repository, ImageManifest = manifest, ImageTag = "v1" })).Image!;

        Assert.StartsWith("sha256:", put.ImageId!.ImageDigest);
        Assert.NotEqual(Manifests.DigestOf(manifest), put.ImageId.ImageDigest);
    }
}
