using System.Text;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Ecr;

/// <summary>The ECR repository operations through the real AWS CLI.</summary>
public sealed class RepositoryApiTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private AwsCli Cli => simulator.Cli;

    [Fact]
    public async Task A_new_repository_has_a_uri_on_the_simulators_registry()
    {
        var repository = (await Cli.RunAsync("ecr", "create-repository", "--repository-name", "sample-app")).Succeeded().Json.GetProperty("repository");

        Assert.Equal("arn:aws:ecr:ap-northeast-1:123456789012:repository/sample-app", repository.GetProperty("repositoryArn").GetString());
        Assert.Equal($"localhost:{simulator.Server.Endpoint.Port}/sample-app", repository.GetProperty("repositoryUri").GetString());
        Assert.Equal("MUTABLE", repository.GetProperty("imageTagMutability").GetString());
        Assert.Equal("AES256", repository.GetProperty("encryptionConfiguration").GetProperty("encryptionType").GetString());
    }

    [Fact]
    public async Task Creating_a_repository_twice_is_RepositoryAlreadyExistsException()
    {
        (await Cli.RunAsync("ecr", "create-repository", "--repository-name", "twice")).Succeeded();

        var error = await Cli.FailsAsync("RepositoryAlreadyExistsException", "ecr", "create-repository", "--repository-name", "twice");

        Assert.Contains("The repository with name 'twice' already exists in the registry with id '123456789012'", error);
    }

    [Theory]
    [InlineData("UpperCase")]
    [InlineData("ends-with-")]
    [InlineData("double//slash")]
    public async Task Repository_names_outside_the_ecr_rule_are_refused(string name)
    {
        await Cli.FailsAsync("InvalidParameterException", "ecr", "create-repository", "--repository-name", name);
    }

    [Fact]
    public async Task Describing_a_missing_repository_is_RepositoryNotFoundException()
    {
        var error = await Cli.FailsAsync("RepositoryNotFoundException", "ecr", "describe-repositories", "--repository-names", "ghost");

        Assert.Contains("The repository with name 'ghost' does not exist in the registry with id '123456789012'", error);
    }

    [Fact]
    public async Task A_repository_with_images_is_deleted_only_with_force()
    {
        (await Cli.RunAsync("ecr", "create-repository", "--repository-name", "full")).Succeeded();
        var image = TestOciLayout.Create("full");
        using var registry = new RegistryHttp(simulator.Server.Endpoint);
        registry.UsePassword(await registry.PasswordAsync());
        await registry.PushBlobAsync("full", image.Layer, image.LayerDigest);
        await registry.PushBlobAsync("full", image.Config, image.ConfigDigest);
        (await Cli.RunAsync("ecr", "put-image", "--repository-name", "full", "--image-tag", "v1", "--image-manifest", Encoding.UTF8.GetString(image.Manifest))).Succeeded();

        await Cli.FailsAsync("RepositoryNotEmptyException", "ecr", "delete-repository", "--repository-name", "full");
        (await Cli.RunAsync("ecr", "delete-repository", "--repository-name", "full", "--force")).Succeeded();

        await Cli.FailsAsync("RepositoryNotFoundException", "ecr", "describe-images", "--repository-name", "full");
    }

    [Fact]
    public async Task The_login_password_is_the_password_part_of_the_authorization_token()
    {
        var token = (await Cli.RunAsync("ecr", "get-authorization-token")).Succeeded().Json.GetProperty("authorizationData")[0];
        var password = (await Cli.RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token.GetProperty("authorizationToken").GetString()!));
        Assert.StartsWith("AWS:", decoded);
        Assert.NotEmpty(password);
        Assert.Equal($"http://localhost:{simulator.Server.Endpoint.Port}", token.GetProperty("proxyEndpoint").GetString());
        Assert.True(token.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(11));
    }
}
