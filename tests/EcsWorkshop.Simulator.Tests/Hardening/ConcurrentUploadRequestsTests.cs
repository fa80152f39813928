using System.Net;
using System.Net.Sockets;
using System.Text;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// Requests on one upload take turns: one that finishes the upload while a chunk is still streaming in waits for
/// the chunk, then sees the upload as it is (the cut-short chunk taken back out), and nothing is left behind.
/// </summary>
public sealed class ConcurrentUploadRequestsTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>, IAsyncLifetime
{
    private readonly RegistryHttp _registry = new(simulator.Server.Endpoint);
    private readonly string _repository = "turns-" + Guid.NewGuid().ToString("n")[..8];

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
    public async Task Finishing_an_upload_while_a_chunk_streams_in_waits_for_it_and_leaves_nothing_behind()
    {
        var start = await _registry.Client.PostAsync($"/v2/{_repository}/blobs/uploads/", null);
        var location = start.Headers.Location!.ToString();
        var uploadId = location[(location.LastIndexOf('/') + 1)..];
        var chunk = new string('y', 100);

        Task<HttpResponseMessage> finish;
        using (var socket = new TcpClient())
        {
            // A PATCH that promises 1000 bytes and sends 100, then stalls with its connection open.
            await socket.ConnectAsync(IPAddress.Loopback, simulator.Server.Endpoint.Port);
            var stream = socket.GetStream();
            var head = $"PATCH {location} HTTP/1.1\r\nHost: localhost\r\nAuthorization: {_registry.Client.DefaultRequestHeaders.Authorization}\r\nContent-Length: 1000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + chunk));
            await stream.FlushAsync();
            await Task.Delay(1000); // the PATCH is being handled by now: its chunk is streaming into the upload

            finish = _registry.Client.PutAsync($"{location}?digest={TestOciLayout.DigestOf(Encoding.UTF8.GetBytes(chunk))}", null);
            await Task.Delay(500);
            Assert.False(finish.IsCompleted, "Finishing the upload did not wait for the chunk still streaming in.");
        }

        var finished = await finish;
        Assert.Equal(HttpStatusCode.BadRequest, finished.StatusCode);
        Assert.Equal("DIGEST_INVALID", await RegistryHttp.ErrorCodeAsync(finished));
        Assert.DoesNotContain(uploadId, Directory.EnumerateFiles(simulator.StateDirectory, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        Assert.DoesNotContain(simulator.Server.Ecr.World.Repositories.Values, r => r.Name == _repository && !r.Blobs.IsEmpty);
    }
}
