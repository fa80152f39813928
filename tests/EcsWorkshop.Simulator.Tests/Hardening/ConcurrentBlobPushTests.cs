using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// Several clients pushing the same image at once, in chunks, to the same repository and to another: every push
/// succeeds or fails cleanly, and what is stored downloads whole, to its digest.
/// </summary>
public sealed class ConcurrentBlobPushTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    private const int Clients = 6;

    private string UploadsDirectory => Path.Combine(simulator.StateDirectory, "registry", "uploads");

    [Fact(Timeout = 90_000)]
    public async Task Parallel_pushes_of_the_same_blobs_all_end_cleanly_and_store_them_uncorrupted()
    {
        var layer = RandomNumberGenerator.GetBytes(3 << 20);
        var config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"u8.ToArray();
        var manifest = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = "application/vnd.oci.image.manifest.v1+json",
            config = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = TestOciLayout.DigestOf(config), size = config.Length },
            layers = new[] { new { mediaType = "application/vnd.oci.image.layer.v1.tar+gzip", digest = TestOciLayout.DigestOf(layer), size = layer.Length } },
        });
        using var setup = new RegistryHttp(simulator.Server.Endpoint);
        await setup.EcrAsync("CreateRepository", new { repositoryName = "same-blobs" });
        await setup.EcrAsync("CreateRepository", new { repositoryName = "same-blobs-elsewhere" });
        var password = await setup.PasswordAsync();
        var uploadsBefore = Directory.GetFiles(UploadsDirectory);

        var pushes = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            using var registry = new RegistryHttp(simulator.Server.Endpoint);
            registry.UsePassword(password);
            var repository = client % 3 == 2 ? "same-blobs-elsewhere" : "same-blobs";
            var answers = new List<HttpResponseMessage>
            {
                await PushInChunksAsync(registry, repository, layer, chunks: 1 + client % 3),
                await PushInChunksAsync(registry, repository, config, chunks: 1),
            };
            var content = new ByteArrayContent(manifest);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.oci.image.manifest.v1+json");
            answers.Add(await registry.Client.PutAsync($"/v2/{repository}/manifests/v{client}", content));
            return answers;
        })).ToList();
        var answers = (await Task.WhenAll(pushes)).SelectMany(a => a).ToList();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        setup.UsePassword(password);
        foreach (var repository in new[] { "same-blobs", "same-blobs-elsewhere" })
        {
            var downloaded = await setup.Client.GetByteArrayAsync($"/v2/{repository}/blobs/{TestOciLayout.DigestOf(layer)}");
            Assert.Equal(TestOciLayout.DigestOf(layer), TestOciLayout.DigestOf(downloaded));
            var tags = System.Text.Json.JsonDocument.Parse(await setup.Client.GetStringAsync($"/v2/{repository}/tags/list")).RootElement.GetProperty("tags");
            Assert.Equal(Clients / 3 * (repository == "same-blobs" ? 2 : 1), tags.GetArrayLength());
        }
        Assert.Empty(Directory.GetFiles(UploadsDirectory).Except(uploadsBefore)); // every push finished its upload
    }

    [Fact(Timeout = 90_000)]
    public async Task Pushes_racing_the_deletion_of_their_repository_end_cleanly()
    {
        var image = TestOciLayout.Create("doomed");
        using var setup = new RegistryHttp(simulator.Server.Endpoint);
        var password = await setup.PasswordAsync();
        var answers = new System.Collections.Concurrent.ConcurrentBag<(string What, HttpResponseMessage Answer)>();

        for (var round = 0; round < 5; round++)
        {
            await setup.EcrAsync("CreateRepository", new { repositoryName = "doomed" });
            var pushes = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
            {
                using var registry = new RegistryHttp(simulator.Server.Endpoint);
                registry.UsePassword(password);
                foreach (var blob in new[] { image.Layer, image.Config })
                {
                    var start = await registry.Client.PostAsync("/v2/doomed/blobs/uploads/", null);
                    answers.Add(("start", start));
                    if (start.StatusCode != HttpStatusCode.Accepted) return;
                    var patched = await registry.Client.PatchAsync(start.Headers.Location!.ToString(), new ByteArrayContent(blob));
                    answers.Add(("patch", patched));
                    if (patched.StatusCode != HttpStatusCode.Accepted) return;
                    answers.Add(("finish", await registry.Client.PutAsync($"{patched.Headers.Location}?digest={TestOciLayout.DigestOf(blob)}", null)));
                }
                var content = new ByteArrayContent(image.Manifest);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.oci.image.manifest.v1+json");
                answers.Add(("manifest", await registry.Client.PutAsync($"/v2/doomed/manifests/v{client}", content)));
            })).ToList();
            var deletion = Task.Run(async () =>
            {
                using var ecr = new AwsJsonClient(simulator.Server.Endpoint);
                await Task.Delay(5 * round);
                var (status, body) = await ecr.CallAsync(AwsJsonClient.Ecr, "DeleteRepository", new { repositoryName = "doomed", force = true });
                Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
            });
            await Task.WhenAll([.. pushes, deletion]);
        }

        foreach (var (what, answer) in answers)
        {
            var body = await answer.Content.ReadAsStringAsync();
            Assert.True(RegistryAnswer.Problem("PUT", answer, body) is null, $"{what}: {(int)answer.StatusCode} {body}");
        }
        var world = simulator.Server.Ecr.World;
        Assert.DoesNotContain(world.Images.Values, i => !world.Repositories.ContainsKey(i.RepositoryArn));

        // Uploads the deletions cut off are taken off the disk when the next upload starts, anywhere.
        await setup.EcrAsync("CreateRepository", new { repositoryName = "survivor" });
        setup.UsePassword(password);
        var next = await setup.Client.PostAsync("/v2/survivor/blobs/uploads/", null);
        var nextId = next.Headers.Location!.ToString().Split('?')[0].Split('/')[^1];
        Assert.Equal([Path.Combine(UploadsDirectory, nextId)], Directory.GetFiles(UploadsDirectory));
    }

    /// <summary>POST, then the content in <paramref name="chunks"/> PATCHes with Content-Range, then PUT with the digest.</summary>
    private static async Task<HttpResponseMessage> PushInChunksAsync(RegistryHttp registry, string repository, byte[] content, int chunks)
    {
        var start = await registry.Client.PostAsync($"/v2/{repository}/blobs/uploads/", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var location = start.Headers.Location!.ToString();
        var size = (content.Length + chunks - 1) / chunks;
        for (var offset = 0; offset < content.Length; offset += size)
        {
            var length = Math.Min(size, content.Length - offset);
            var chunk = new ByteArrayContent(content, offset, length);
            chunk.Headers.TryAddWithoutValidation("Content-Range", $"{offset}-{offset + length - 1}");
            var patched = await registry.Client.PatchAsync(location, chunk);
            Assert.Equal(HttpStatusCode.Accepted, patched.StatusCode);
            location = patched.Headers.Location!.ToString();
        }
        return await registry.Client.PutAsync($"{location}?digest={TestOciLayout.DigestOf(content)}", null);
    }
}
