using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Tests.Support;
using EcsWorkshop.TestSupport;

namespace EcsWorkshop.Lessons.Tests.Cli;

/// <summary>
/// <c>ECS_WORKSHOP_MODE=aws</c>: the lessons, unedited, run against an AWS account, here moto on loopback (named by
/// <c>AWS_ENDPOINT_URL</c>, as for the AWS CLI v2). The lessons moto can answer are run end to end with
/// <c>workshop run</c> in its own process, and what they created is read back with the real AWS CLI.
/// </summary>
public sealed class WorkshopRunAwsModeTests : IAsyncLifetime
{
    private const string Aws = "/usr/bin/aws";
    private const string Region = "eu-west-1";
    private MotoServer _moto = null!;
    private readonly string _home = Directory.CreateTempSubdirectory("ecs-workshop-aws-home-").FullName;
    private readonly string _output = Directory.CreateTempSubdirectory("ecs-workshop-aws-run-").FullName;

    public async Task InitializeAsync() => _moto = await MotoServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _moto.DisposeAsync();
        Directory.Delete(_home, recursive: true);
        Directory.Delete(_output, recursive: true);
    }

    // The account's credentials and region as a learner sets them, and moto as the endpoint.
    private Dictionary<string, string> AccountEnvironment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIAWORKSHOPEXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "workshop-secret-key-example",
        ["AWS_REGION"] = Region,
        ["AWS_ENDPOINT_URL"] = _moto.Endpoint.ToString().TrimEnd('/'),
        ["AWS_PAGER"] = "",
    };

    private async Task<string> AwsCliAsync(params string[] arguments)
    {
        // --endpoint-url as well: Debian's AWS CLI (2.9) predates AWS_ENDPOINT_URL (2.13).
        var result = await ProcessRunner.RunAsync(Aws, [.. arguments, "--output", "json", "--endpoint-url", _moto.Endpoint.ToString()], _home,
            AccountEnvironment(), TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', arguments)}: {result.Printed}");
        return result.StandardOutput;
    }

    private static string Text(CellOutput output) => output switch
    {
        StreamOutput stream => stream.Text,
        DataOutput data => string.Join("\n", data.Data.Values),
        ErrorOutput error => error.Value,
        _ => "",
    };

    [Fact]
    public async Task With_ECS_WORKSHOP_MODE_aws_the_unedited_cluster_and_task_definition_lessons_create_their_resources_in_the_account()
    {
        // What lesson 02 leaves in the account: the repository and the image v1 (moto has no registry to docker push to).
        await AwsCliAsync("ecr", "create-repository", "--repository-name", "sample-web");
        const string manifest = """{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":1469,"digest":"sha256:1111111111111111111111111111111111111111111111111111111111111111"},"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":3208,"digest":"sha256:2222222222222222222222222222222222222222222222222222222222222222"}]}""";
        await AwsCliAsync("ecr", "put-image", "--repository-name", "sample-web", "--image-tag", "v1", "--image-manifest", manifest);

        var environment = AccountEnvironment();
        environment["ECS_WORKSHOP_MODE"] = "aws";
        environment["HOME"] = _home; // the session file AWS mode keeps (~/.ecs-workshop/aws-session-…)
        var realHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(realHome, ".nuget", "packages");
        environment["DOTNET_CLI_HOME"] = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") ?? realHome;
        var run = await ProcessRunner.RunAsync(ProcessRunner.Dotnet,
            [Path.Combine(AppContext.BaseDirectory, "workshop.dll"), "run", "--only", "03,04", "--runtime", "simulated", "--out", _output],
            RepositoryRoot.Path, environment, TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 0, run.Printed);
        var cluster = NotebookFile.Load(Path.Combine(_output, "notebooks", "03-cluster.ipynb"));
        var printed = string.Join("\n", cluster.CodeCells.SelectMany(c => c.Outputs).Select(Text));
        Assert.Contains("AWS アカウント 123456789012", printed);
        Assert.Contains("料金がかかります", printed);
        Assert.DoesNotContain("シミュレーター (http", printed);

        var clusters = await AwsCliAsync("ecs", "describe-clusters", "--clusters", "fargate-cluster", "practice-cluster");
        Assert.Equal(2, clusters.Split("\"status\": \"ACTIVE\"").Length - 1);
        var definitions = await AwsCliAsync("ecs", "list-task-definitions", "--family-prefix", "sample-fargate");
        Assert.Contains("task-definition/sample-fargate:", definitions);
        var described = await AwsCliAsync("ecs", "describe-task-definition", "--task-definition", "sample-fargate", "--include", "TAGS");
        Assert.Contains("arn:aws:iam::123456789012:role/ecsTaskExecutionRole", described);
        Assert.Contains("ecs-workshop:session", described);
        Assert.Contains(".dkr.ecr.", described);
        Assert.True(File.Exists(Path.Combine(_home, ".ecs-workshop", $"aws-session-123456789012-{Region}.json")),
            "AWS mode keeps its session in the home folder");
    }
}
