using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// The registry under <c>/v2/</c> against seeded random requests (paths, methods, headers, bodies, spoiled
/// manifests): never a 5xx, every error in the registry's shape, a refusal changes nothing, no blob is ever corrupt.
/// </summary>
public sealed class RegistryFuzzTests(FrozenSimulator simulator) : IClassFixture<FrozenSimulator>
{
    private const int RandomRequests = 400;

    private string UploadsDirectory => Path.Combine(simulator.StateDirectory, "registry", "uploads");

    [Fact(Timeout = 120_000)]
    public async Task Random_requests_get_no_server_error_and_a_refusal_changes_nothing()
    {
        using var registry = new RegistryHttp(simulator.Server.Endpoint);
        var password = await registry.PasswordAsync();
        var seed = BadInputRunner.Seed;
        var requests = new RegistryRequests(simulator, password, new Random(seed));
        using var http = new HttpClient { BaseAddress = simulator.Server.Endpoint, Timeout = TimeSpan.FromSeconds(60) };
        var failures = new List<string>();
        var statuses = new List<int>();

        for (var i = 0; i < RandomRequests; i++)
        {
            var request = requests.Next();
            var before = simulator.Snapshot();
            var uploadsBefore = Directory.GetFiles(UploadsDirectory).ToHashSet();
            HttpResponseMessage response;
            try
            {
                response = await request.SendAsync(http);
            }
            catch (HttpRequestException e)
            {
                failures.Add($"#{i} {request}: the connection broke: {e.Message} {e.InnerException?.Message}");
                continue;
            }
            using var _ = response;
            var body = await response.Content.ReadAsStringAsync();
            statuses.Add((int)response.StatusCode);
            var newUploads = Directory.GetFiles(UploadsDirectory).Where(f => !uploadsBefore.Contains(f)).ToList();
            var problem = RegistryAnswer.Problem(request.Method, response, body);
            if (problem is null && !response.IsSuccessStatusCode)
                problem = simulator.Snapshot().ChangedSince(before) ?? (newUploads.Count > 0 ? "refused, yet an upload was left behind" : null);
            if (problem is not null)
                failures.Add($"#{i} {request}: {problem}\n    answer: {(int)response.StatusCode} {(body.Length > 300 ? body[..300] : body)}");
            if (response.Headers.TryGetValues("Docker-Upload-UUID", out var ids)) requests.Uploads.AddRange(ids);
        }

        failures.AddRange(await CorruptBlobsAsync(registry, password));
        Assert.True(statuses.Count(s => s is >= 200 and < 300) >= RandomRequests / 10, "Too few requests got through to exercise the registry: " + string.Join(", ", statuses.Order()));
        Assert.True(failures.Count == 0,
            $"{failures.Count} bad answers (seed {seed}; rerun with WORKSHOP_FUZZ_SEED={seed}):\n" + string.Join("\n", failures.Take(12)));
    }

    /// <summary>Every blob a repository lists, downloaded again: its content must hash to its digest.</summary>
    private async Task<List<string>> CorruptBlobsAsync(RegistryHttp registry, string password)
    {
        registry.UsePassword(password);
        var corrupt = new List<string>();
        foreach (var repository in simulator.Server.Ecr.World.Repositories.Values)
            foreach (var digest in repository.Blobs)
            {
                using var response = await registry.Client.GetAsync($"/v2/{repository.Name}/blobs/{digest}");
                var content = await response.Content.ReadAsByteArrayAsync();
                var actual = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
                if (response.StatusCode != HttpStatusCode.OK || actual != digest)
                    corrupt.Add($"blob {digest} of {repository.Name}: {(int)response.StatusCode}, content hashes to {actual}");
            }
        return corrupt;
    }
}
