using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Classroom;

/// <summary>
/// The registry of a classroom with skopeo: a learner's <c>get-login-password</c> opens their own repositories only;
/// another learner's password cannot read them, even for a repository of the same name, and no password at all is refused.
/// </summary>
public sealed class ClassroomRegistryIsolationTests(ClassroomSimulator room) : IClassFixture<ClassroomSimulator>
{
    private string RegistryHost => $"localhost:{room.Server.Endpoint.Port}";

    private static Task<CliResult> SkopeoAsync(params string[] arguments) => ExternalTool.RunAsync("/usr/bin/skopeo", arguments);

    private async Task<string> PasswordOf(Accounts.Learner learner) =>
        (await room.Cli(learner).RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();

    [Fact(Timeout = 180_000)]
    public async Task A_learners_image_cannot_be_pulled_with_another_learners_password()
    {
        (await room.Cli(room.A).RunAsync("ecr", "create-repository", "--repository-name", "shared-name")).Succeeded();
        (await room.Cli(room.B).RunAsync("ecr", "create-repository", "--repository-name", "shared-name")).Succeeded();
        var passwordOfA = await PasswordOf(room.A);
        var passwordOfB = await PasswordOf(room.B);
        var image = TestOciLayout.Create("only for learner A");
        (await SkopeoAsync("copy", "--dest-tls-verify=false", "--dest-creds", $"AWS:{passwordOfA}",
            $"oci:{image.Directory}:v1", $"docker://{RegistryHost}/shared-name:v1")).Succeeded();

        var byA = (await SkopeoAsync("inspect", "--tls-verify=false", "--creds", $"AWS:{passwordOfA}", $"docker://{RegistryHost}/shared-name:v1")).Succeeded().Json;
        var byB = await SkopeoAsync("inspect", "--tls-verify=false", "--creds", $"AWS:{passwordOfB}", $"docker://{RegistryHost}/shared-name:v1");
        var imagesOfB = (await room.Cli(room.B).RunAsync("ecr", "describe-images", "--repository-name", "shared-name")).Succeeded().Json;

        Assert.Equal(image.ManifestDigest, byA.GetProperty("Digest").GetString());
        Assert.NotEqual(0, byB.ExitCode);
        Assert.Contains("manifest unknown", byB.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(imagesOfB.GetProperty("imageDetails").EnumerateArray());
    }

    [Fact(Timeout = 180_000)]
    public async Task Another_learners_password_cannot_push_to_a_repository_only_the_first_has()
    {
        (await room.Cli(room.A).RunAsync("ecr", "create-repository", "--repository-name", "a-private")).Succeeded();
        var passwordOfB = await PasswordOf(room.B);
        var image = TestOciLayout.Create("pushed by B");

        var push = await SkopeoAsync("copy", "--dest-tls-verify=false", "--dest-creds", $"AWS:{passwordOfB}",
            $"oci:{image.Directory}:v1", $"docker://{RegistryHost}/a-private:v1");

        Assert.NotEqual(0, push.ExitCode);
        Assert.Contains("name unknown", push.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(room.Server.Accounts.Find(room.A.AccountId)!.Simulation.Ecr.World.Images);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_registry_refuses_a_request_without_a_password()
    {
        (await room.Cli(room.A).RunAsync("ecr", "create-repository", "--repository-name", "needs-password")).Succeeded();

        var anonymous = await SkopeoAsync("list-tags", "--tls-verify=false", "--no-creds", $"docker://{RegistryHost}/needs-password");

        Assert.NotEqual(0, anonymous.ExitCode);
        Assert.Contains("unauthorized", anonymous.StandardError, StringComparison.OrdinalIgnoreCase);
    }
}
