using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Classroom;

/// <summary>
/// The classroom's observers hear the registry too, through skopeo (a real client): a push under ECR's action names
/// and every refusal with its OCI error code, in the pusher's account; not the layer probes (<c>HEAD</c>), not the
/// successful pulls, not a request without a valid password.
/// </summary>
public sealed class RegistryAnsweredCallTests(ClassroomSimulator room) : IClassFixture<ClassroomSimulator>
{
    private string RegistryHost => $"localhost:{room.Server.Endpoint.Port}";

    private static Task<CliResult> SkopeoAsync(params string[] arguments) => ExternalTool.RunAsync("/usr/bin/skopeo", arguments);

    private async Task<string> PasswordOf(Learner learner) =>
        (await room.Cli(learner).RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();

    private List<AnsweredCall> RegistryCallsSince(int index) =>
        [.. room.Observer.Calls.Skip(index).Where(c => c.Service == "ecr" && c.Operation != "GetAuthorizationToken" && c.Operation != "CreateRepository")];

    private Task<CliResult> PushAsync(TestOciLayout image, string repository, string password) =>
        SkopeoAsync("copy", "--dest-tls-verify=false", "--dest-creds", $"AWS:{password}", $"oci:{image.Directory}:v1", $"docker://{RegistryHost}/{repository}:v1");

    [Fact(Timeout = 180_000)]
    public async Task A_push_is_heard_as_ECRs_push_actions_in_the_learners_account_without_the_layer_probes()
    {
        (await room.Cli(room.A).RunAsync("ecr", "create-repository", "--repository-name", "heard-push")).Succeeded();
        var password = await PasswordOf(room.A);
        var before = room.Observer.Calls.Count;

        (await PushAsync(TestOciLayout.Create("a pushed image"), "heard-push", password)).Succeeded();

        var heard = RegistryCallsSince(before);
        Assert.All(heard, c => Assert.Equal(room.A.AccountId, c.AccountId));
        Assert.Contains(heard, c => c is { Operation: "PutImage", Status: 201, ErrorCode: null });
        Assert.Contains(heard, c => c is { Operation: "CompleteLayerUpload", Status: 201, ErrorCode: null });
        Assert.Contains(heard, c => c is { Operation: "InitiateLayerUpload", Status: 202, ErrorCode: null });
        Assert.DoesNotContain(heard, c => c.Operation is "BatchCheckLayerAvailability" or "Ping");
    }

    [Fact(Timeout = 180_000)]
    public async Task A_push_to_a_repository_the_learner_does_not_have_is_heard_with_NAME_UNKNOWN()
    {
        var password = await PasswordOf(room.B);
        var before = room.Observer.Calls.Count;

        var push = await PushAsync(TestOciLayout.Create("pushed nowhere"), "never-created", password);

        Assert.NotEqual(0, push.ExitCode);
        var refused = Assert.Single(RegistryCallsSince(before), c => c.ErrorCode is not null);
        Assert.Equal(room.B.AccountId, refused.AccountId);
        Assert.Equal(("InitiateLayerUpload", 404, "NAME_UNKNOWN"), (refused.Operation, refused.Status, refused.ErrorCode));
        Assert.Contains("never-created", refused.ErrorMessage);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_pull_of_a_missing_tag_is_heard_with_MANIFEST_UNKNOWN_and_a_successful_pull_is_not_heard()
    {
        (await room.Cli(room.A).RunAsync("ecr", "create-repository", "--repository-name", "heard-pull")).Succeeded();
        var password = await PasswordOf(room.A);
        (await PushAsync(TestOciLayout.Create("an image to pull"), "heard-pull", password)).Succeeded();
        var before = room.Observer.Calls.Count;

        (await SkopeoAsync("inspect", "--tls-verify=false", "--creds", $"AWS:{password}", $"docker://{RegistryHost}/heard-pull:v1")).Succeeded();
        var missing = await SkopeoAsync("inspect", "--tls-verify=false", "--creds", $"AWS:{password}", $"docker://{RegistryHost}/heard-pull:no-such-tag");

        Assert.NotEqual(0, missing.ExitCode);
        var heard = Assert.Single(RegistryCallsSince(before));
        Assert.Equal((room.A.AccountId, "BatchGetImage", 404, "MANIFEST_UNKNOWN"), (heard.AccountId, heard.Operation, heard.Status, heard.ErrorCode));
    }

    [Fact(Timeout = 180_000)]
    public async Task A_request_without_a_valid_password_is_not_heard()
    {
        (await room.Cli(room.A).RunAsync("ecr", "create-repository", "--repository-name", "unheard")).Succeeded();
        var before = room.Observer.Calls.Count;

        var anonymous = await SkopeoAsync("list-tags", "--tls-verify=false", "--no-creds", $"docker://{RegistryHost}/unheard");
        var forged = await SkopeoAsync("list-tags", "--tls-verify=false", "--creds", "AWS:not-a-password", $"docker://{RegistryHost}/unheard");

        Assert.NotEqual(0, anonymous.ExitCode);
        Assert.NotEqual(0, forged.ExitCode);
        Assert.Empty(RegistryCallsSince(before));
    }
}
