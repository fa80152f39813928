using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// Manifests spoiled where a parser trips (fractional or huge numbers, a list where one descriptor belongs, sizes
/// that add up past a long, members of the wrong type): refused by the registry and by PutImage, never a 5xx,
/// nothing stored.
/// </summary>
public sealed class SpoiledManifestTests(FrozenSimulator simulator) : IClassFixture<FrozenSimulator>
{
    [Fact(Timeout = 60_000)]
    public async Task Spoiled_manifests_are_refused_by_the_registry_and_by_PutImage_and_store_nothing()
    {
        using var registry = new RegistryHttp(simulator.Server.Endpoint);
        registry.UsePassword(await registry.PasswordAsync());
        var failures = new List<string>();

        foreach (var (description, manifest) in RegistryRequests.SpoiledManifests(simulator.Image.Manifest))
        {
            var before = simulator.Snapshot();
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(manifest));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.oci.image.manifest.v1+json");
            using var pushed = await registry.Client.PutAsync($"/v2/{FrozenSimulator.Repository}/manifests/spoiled", content);
            var body = await pushed.Content.ReadAsStringAsync();
            var problem = RegistryAnswer.Problem("PUT", pushed, body)
                ?? (pushed.IsSuccessStatusCode ? "accepted" : null)
                ?? simulator.Snapshot().ChangedSince(before);
            if (problem is not null) failures.Add($"registry, {description}: {problem} ({(int)pushed.StatusCode} {body})");

            var request = JsonSerializer.SerializeToUtf8Bytes(new { repositoryName = FrozenSimulator.Repository, imageManifest = manifest, imageTag = "spoiled" });
            using var put = await simulator.SendAsync(new BadRequest(description, request, "AmazonEC2ContainerRegistry_V20150921.PutImage"));
            var answer = await put.Content.ReadAsStringAsync();
            problem = AwsAnswer.Problem(put, answer)
                ?? (put.IsSuccessStatusCode ? "accepted" : null)
                ?? simulator.Snapshot().ChangedSince(before);
            if (problem is not null) failures.Add($"PutImage, {description}: {problem} ({(int)put.StatusCode} {answer})");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
