using EcsWorkshop.Images;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Steps;

public sealed class ImageStepTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task A_built_image_is_pushed_to_the_simulated_ecr_and_found_by_its_tag()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var repository = Unique.Name("sample-app");
        var created = await workshop.CreateRepositoryAsync(repository);

        var built = await workshop.BuildImageAsync(BuildContexts.Small(), repository, "v1");
        var pushed = await workshop.PushImageAsync(built.Value);

        Assert.Equal(ImageBuildKind.Workshop, built.Value.Kind);
        Assert.StartsWith("sha256:", built.Value.Digest);
        Assert.Contains(pushed.Value.Images, i => i.Tags.Contains("v1") && i.Digest == built.Value.Digest);
        Assert.EndsWith($"/{repository}", created.Value.Uri);
        Assert.True((await workshop.Checks.ImageIsPushedAsync(repository, "v1")).Passed);
        Assert.False((await workshop.Checks.ImageIsPushedAsync(repository, "v2")).Passed);
    }

    [Fact]
    public async Task The_same_context_builds_the_same_digest()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var context = BuildContexts.Small();

        var first = await workshop.BuildImageAsync(context, "app", "v1");
        var second = await workshop.BuildImageAsync(context, "app", "v1");

        Assert.Equal(first.Value.Digest, second.Value.Digest);
    }

    [Fact]
    public async Task A_dockerfile_with_run_is_a_japanese_step_error()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var context = BuildContexts.Small();
        File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\nRUN echo hi\n");

        var error = await Assert.ThrowsAsync<EcsWorkshop.Errors.WorkshopStepException>(() => workshop.BuildImageAsync(context, "app"));

        Assert.Equal("Dockerfile を読めませんでした", error.Explanation.Title.ToString());
        Assert.Contains("RUN", error.Explanation.WhatHappened.ToString());
    }

    [Fact]
    public async Task The_build_leaves_an_oci_layout_whose_index_names_the_image_by_its_tag()
    {
        await using var workshop = await simulator.NewWorkshopAsync();

        var built = await workshop.BuildImageAsync(BuildContexts.Small(), "app", "v7");

        var layout = built.Value.LayoutDirectory!;
        Assert.True(File.Exists(Path.Combine(layout, "oci-layout")));
        Assert.Equal(["v7"], EcsWorkshop.Images.Layout.OciLayout.RefNames(layout));
        var index = File.ReadAllText(Path.Combine(layout, "index.json"));
        Assert.Contains(built.Value.Digest!, index);
    }

    [Fact]
    public async Task Pushing_the_same_image_under_a_second_tag_uploads_no_blob_and_says_so()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var repository = Unique.Name("sample-app");
        await workshop.CreateRepositoryAsync(repository);
        var built = await workshop.BuildImageAsync(BuildContexts.Small(), repository, "v1");

        var first = await workshop.PushImageAsync(built.Value);
        var second = await workshop.PushImageAsync(built.Value, tag: "latest");

        Assert.Contains("をアップロードし", first.Note);
        Assert.Contains("アップロードせずにマニフェストだけを登録しました", second.Note);
        var image = Assert.Single(second.Value.Images);
        Assert.Equal(["latest", "v1"], image.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(built.Value.Digest, image.Digest);
    }
}
