using EcsWorkshop.Docker;
using EcsWorkshop.Images;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Docker;

/// <summary>The helper's <c>docker build</c> and <c>docker push</c> through the Engine API, on the sample app, against the simulator's registry.</summary>
[Collection(DockerCollection.Name)]
public sealed class HelperDockerBuildTests(SimulatorFixture simulator, DockerLabelFixture docker) : IClassFixture<SimulatorFixture>, IClassFixture<DockerLabelFixture>
{
    private Task<Workshop> DockerWorkshopAsync(TextWriter? output = null) =>
        Workshop.ConnectToSimulatorAsync(simulator.Server.Endpoint, new WorkshopOptions
        {
            ProgressOutput = output,
            PollInterval = TimeSpan.FromMilliseconds(50),
            ImageBuilder = ImageBuilderChoice.Docker,
            DockerLabels = docker.Labels,
        });

    [Fact]
    public async Task The_sample_is_built_by_the_engine_on_a_busybox_base_that_is_named_and_labelled_as_made_locally_when_offline()
    {
        var progress = new StringWriter();
        await using var workshop = await DockerWorkshopAsync(progress);

        var built = await workshop.BuildImageAsync(RepositoryFolders.SampleWeb, Unique.Name("sample-web"), "v1");

        Assert.Equal(ImageBuildKind.Docker, built.Value.Kind);
        Assert.StartsWith("sha256:", built.Value.ImageId);
        Assert.Null(built.Value.Digest);
        Assert.Contains(built.Value.BuildOutput, l => l.StartsWith("Step 1/", StringComparison.Ordinal));
        Assert.Contains("Step 1/", progress.ToString());
        var published = (await Cli.RunAsync("docker", ["image", "inspect", LocalBaseImage.PublishedReference])).ExitCode == 0;
        Assert.Equal(published ? LocalBaseImage.PublishedReference : LocalBaseImage.Reference, built.Value.BaseImage);
        Assert.Equal(!published, built.Value.BaseMadeLocally);
        if (!published)
        {
            Assert.Contains("busybox-static", await Cli.DockerAsync("image", "inspect", "--format", $"{{{{index .Config.Labels \"{LocalBaseImage.MadeLocallyLabel}\"}}}}", LocalBaseImage.Reference));
            Assert.Contains("手元で作った", built.Note);
        }
        Assert.Equal(docker.Value, await Cli.DockerAsync("image", "inspect", "--format", $"{{{{index .Config.Labels \"{DockerLabelFixture.Key}\"}}}}", built.Value.LocalReference!));
    }

    [Fact]
    public async Task The_engine_built_image_can_be_opened_as_an_oci_layout_whose_config_is_the_image_id()
    {
        await using var workshop = await DockerWorkshopAsync();

        var built = await workshop.BuildImageAsync(RepositoryFolders.SampleWeb, Unique.Name("sample-web"), "v1");

        var layout = built.Value.LayoutDirectory!;
        Assert.Equal(["v1"], EcsWorkshop.Images.Layout.OciLayout.RefNames(layout));
        var found = EcsWorkshop.Images.Layout.OciLayout.Find(layout, "v1", built.Value.Built!.Platform)!;
        Assert.Equal(built.Value.ImageId, found.Manifest.Config.Digest.ToString());
        Assert.Equal<string>(["/bin/sh", "/start.sh"], found.Config.Config.Cmd!.Value);
        Assert.Equal(found.Config.RootFs.DiffIds.Length, found.Layers.Length);
    }

    [Fact]
    public async Task The_helper_pushes_with_the_ecr_token_and_the_digest_docker_push_reports_is_the_one_ecr_records()
    {
        await using var workshop = await DockerWorkshopAsync();
        var repository = Unique.Name("sample-web");
        await workshop.CreateRepositoryAsync(repository);
        var built = await workshop.BuildImageAsync(RepositoryFolders.SampleWeb, repository, "v1");

        var pushed = await workshop.PushImageAsync(built.Value);

        var image = Assert.Single(pushed.Value.Images);
        Assert.Equal(["v1"], image.Tags.ToArray());
        Assert.StartsWith("sha256:", built.Value.Digest);
        Assert.Equal(built.Value.Digest, image.Digest);
        Assert.Contains("docker login --username AWS --password-stdin", pushed.Note);
        Assert.Contains($"docker push {pushed.Value.Uri}:v1", pushed.Note);
        var repoDigests = await Cli.DockerAsync("image", "inspect", "--format", "{{json .RepoDigests}}", built.Value.LocalReference!);
        Assert.Contains($"{pushed.Value.Uri}@{image.Digest}", repoDigests);
    }

    [Fact]
    public async Task Pushing_to_a_repository_that_does_not_exist_is_ecrs_repository_not_found()
    {
        await using var workshop = await DockerWorkshopAsync();
        var built = await workshop.BuildImageAsync(RepositoryFolders.SampleWeb, Unique.Name("sample-web"), "v1");

        var error = await Assert.ThrowsAsync<EcsWorkshop.Errors.WorkshopStepException>(() => workshop.PushImageAsync(built.Value, Unique.Name("sample-web-typo")));

        Assert.Equal("RepositoryNotFoundException", error.AwsError?.ErrorCode);
    }

    [Fact]
    public async Task A_failing_run_step_is_a_japanese_step_error_with_the_engines_output()
    {
        await using var workshop = await DockerWorkshopAsync();
        var context = Directory.CreateTempSubdirectory("ecs-workshop-failing-").FullName;
        await workshop.PrepareLocalBaseImageAsync();
        File.WriteAllText(Path.Combine(context, "Dockerfile"), $"FROM {LocalBaseImage.Reference}\nRUN echo about to fail && exit 3\n");

        var error = await Assert.ThrowsAsync<EcsWorkshop.Errors.WorkshopStepException>(() => workshop.BuildImageAsync(context, "failing", "v1"));

        Assert.Equal("`docker build` が失敗しました", error.Explanation.Title.ToString());
        Assert.Contains("3", error.Explanation.WhatHappened.ToString());
        Assert.Contains("about to fail", error.Explanation.Message);
    }

    [Fact]
    public async Task The_sample_image_serves_its_page_with_the_app_version_when_run()
    {
        await using var workshop = await DockerWorkshopAsync();
        var built = await workshop.BuildImageAsync(RepositoryFolders.SampleWeb, Unique.Name("sample-web"), "v1");

        var container = await Cli.DockerAsync("run", "-d", "--label", docker.Label, "-e", "APP_VERSION=7", "-p", "127.0.0.1::80", built.Value.LocalReference!);
        var port = (await Cli.DockerAsync("port", container, "80")).Split('\n')[0];
        var page = await ReadPageAsync(new Uri($"http://{port}/"));
        var stop = await Cli.DockerAsync("stop", "-t", "10", container);
        var exit = await Cli.DockerAsync("inspect", "--format", "{{.State.ExitCode}}", container);

        Assert.Contains("Amazon ECS で動いています", page);
        Assert.Contains("<dd id=\"app-version\">7</dd>", page);
        Assert.Contains("タスクメタデータエンドポイントがありません", page);
        Assert.Equal("0", exit);
        Assert.Contains("SIGTERM", await Cli.DockerAsync("logs", container));
    }

    private static async Task<string> ReadPageAsync(Uri url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                return await http.GetStringAsync(url);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
