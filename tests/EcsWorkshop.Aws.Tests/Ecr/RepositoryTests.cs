using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Ecr;

public sealed class RepositoryTests(Backends backends) : BackendTests(backends)
{
    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_new_repository_has_its_ARN_a_URI_ending_in_its_name_and_mutable_tags(string backend)
    {
        var name = UniqueNames.Next("sample-app");

        var repository = (await On(backend).Ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name })).Repository!;

        Assert.Equal(name, repository.RepositoryName);
        Assert.Equal($"arn:aws:ecr:{Backends.Region}:123456789012:repository/{name}", repository.RepositoryArn);
        Assert.EndsWith("/" + name, repository.RepositoryUri);
        Assert.Equal("123456789012", repository.RegistryId);
        Assert.Equal("MUTABLE", repository.ImageTagMutability);
        Assert.InRange(repository.CreatedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_repository_name_can_be_created_only_once(string backend)
    {
        var name = UniqueNames.Next("sample-app");
        await On(backend).Ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => On(backend).Ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name }));

        Assert.Equal("RepositoryAlreadyExistsException", error.ErrorCode);
        Assert.Equal("ecr", error.Service);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_repository_name_with_capitals_is_refused(string backend)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            On(backend).Ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = "Sample-App" }));

        Assert.Equal("InvalidParameterException", error.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Repositories_are_described_by_name_and_all_of_them_across_pages(string backend)
    {
        var ecr = On(backend).Ecr;
        var names = new[] { UniqueNames.Next("repo-a"), UniqueNames.Next("repo-b"), UniqueNames.Next("repo-c") };
        foreach (var name in names) await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name, ImageTagMutability = "IMMUTABLE" });

        var one = await ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [names[1]] });
        var all = await ecr.DescribeAllRepositoriesAsync(new DescribeRepositoriesRequest { MaxResults = 2 }).Select(r => r.RepositoryName!).ToListAsync();

        Assert.Equal("IMMUTABLE", Assert.Single(one.Repositories!).ImageTagMutability);
        Assert.Subset(all.ToHashSet(), names.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Describing_an_unknown_repository_is_RepositoryNotFoundException(string backend)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            On(backend).Ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [UniqueNames.Next("missing")] }));

        Assert.Equal("RepositoryNotFoundException", error.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_deleted_repository_is_gone(string backend)
    {
        var ecr = On(backend).Ecr;
        var name = UniqueNames.Next("sample-app");
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });

        var deleted = (await ecr.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name })).Repository!;
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecr.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name }));

        Assert.Equal(name, deleted.RepositoryName);
        Assert.Equal("RepositoryNotFoundException", error.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_repository_with_images_is_deleted_only_with_force(string backend)
    {
        var ecr = On(backend).Ecr;
        var name = UniqueNames.Next("sample-app");
        await ecr.CreateRepositoryAsync(new CreateRepositoryRequest { RepositoryName = name });
        await ecr.PutImageAsync(new PutImageRequest { RepositoryName = name, ImageManifest = Manifests.EmptyIndex("v1"), ImageTag = "v1" });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ecr.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name }));
        var deleted = (await ecr.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = name, Force = true })).Repository!;

        Assert.Equal("RepositoryNotEmptyException", error.ErrorCode);
        Assert.Equal(name, deleted.RepositoryName);
    }
}
