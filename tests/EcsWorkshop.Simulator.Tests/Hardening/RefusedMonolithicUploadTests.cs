using System.Net;
using System.Text;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>A monolithic upload (<c>POST …/blobs/uploads/?digest=</c>) that is refused leaves no upload behind.</summary>
public sealed class RefusedMonolithicUploadTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>, IAsyncLifetime
{
    private readonly RegistryHttp _registry = new(simulator.Server.Endpoint);
    private readonly string _repository = "monolithic-" + Guid.NewGuid().ToString("n")[..8];

    private string Uploads => Path.Combine(simulator.StateDirectory, "registry", "uploads");

    public async Task InitializeAsync()
    {
        await _registry.EcrAsync("CreateRepository", new { repositoryName = _repository });
        _registry.UsePassword(await _registry.PasswordAsync());
    }

    public Task DisposeAsync()
    {
        _registry.Dispose();
        return Task.CompletedTask;
    }

    [Fact(Timeout = 30_000)]
    public async Task A_monolithic_upload_with_a_chunk_range_that_does_not_start_at_0_is_416_and_leaves_no_upload()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("0123456789"));
        content.Headers.TryAddWithoutValidation("Content-Range", "5-14");

        var response = await _registry.Client.PostAsync($"/v2/{_repository}/blobs/uploads/?digest={TestOciLayout.DigestOf(Encoding.UTF8.GetBytes("0123456789"))}", content);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("BLOB_UPLOAD_INVALID", await RegistryHttp.ErrorCodeAsync(response));
        Assert.Empty(Directory.GetFiles(Uploads));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_monolithic_upload_whose_digest_does_not_match_leaves_no_upload()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("real"));

        var response = await _registry.Client.PostAsync($"/v2/{_repository}/blobs/uploads/?digest={TestOciLayout.DigestOf(Encoding.UTF8.GetBytes("claimed"))}", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("DIGEST_INVALID", await RegistryHttp.ErrorCodeAsync(response));
        Assert.Empty(Directory.GetFiles(Uploads));
    }
}
