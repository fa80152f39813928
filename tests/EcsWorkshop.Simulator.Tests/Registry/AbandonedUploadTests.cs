using System.Net;
using System.Text;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Registry;

/// <summary>An upload left behind in a repository that was deleted does not stay on disk until a restart.</summary>
public sealed class AbandonedUploadTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>, IAsyncLifetime
{
    private readonly RegistryHttp _registry = new(simulator.Server.Endpoint);

    private string UploadsFolder => Path.Combine(simulator.StateDirectory, "registry", "uploads");

    public async Task InitializeAsync() => _registry.UsePassword(await _registry.PasswordAsync());

    public Task DisposeAsync()
    {
        _registry.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> StartUploadAsync(string repository, string firstChunk)
    {
        var start = await _registry.Client.PostAsync($"/v2/{repository}/blobs/uploads/", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var location = start.Headers.Location!.ToString();
        Assert.Equal(HttpStatusCode.Accepted, (await _registry.Client.PatchAsync(location, new ByteArrayContent(Encoding.UTF8.GetBytes(firstChunk)))).StatusCode);
        return location[(location.LastIndexOf('/') + 1)..].Split('?')[0];
    }

    [Fact]
    public async Task An_upload_into_a_deleted_repository_is_taken_off_the_disk_when_the_next_upload_starts()
    {
        var deleted = "gone-" + Guid.NewGuid().ToString("n")[..8];
        var kept = "kept-" + Guid.NewGuid().ToString("n")[..8];
        await _registry.EcrAsync("CreateRepository", new { repositoryName = deleted });
        await _registry.EcrAsync("CreateRepository", new { repositoryName = kept });
        var orphan = await StartUploadAsync(deleted, "half a layer");
        var alive = await StartUploadAsync(kept, "another half");
        await _registry.EcrAsync("DeleteRepository", new { repositoryName = deleted, force = true });
        Assert.True(File.Exists(Path.Combine(UploadsFolder, orphan)));

        var next = await StartUploadAsync(kept, "a new upload");

        Assert.False(File.Exists(Path.Combine(UploadsFolder, orphan)));
        Assert.True(File.Exists(Path.Combine(UploadsFolder, alive)));
        Assert.True(File.Exists(Path.Combine(UploadsFolder, next)));
    }
}
