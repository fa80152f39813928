using System.Text;
using EcsWorkshop.Bench.Api;
using EcsWorkshop.Bench.Processes;
using EcsWorkshop.Bench.Reporting;

namespace EcsWorkshop.Bench.Registry;

/// <summary>How big an image to push and pull, and how many times.</summary>
/// <param name="Layers">Layers in the image.</param>
/// <param name="LayerBytes">Random bytes in each layer.</param>
/// <param name="Repetitions">Push-and-pull rounds per registry, each against a freshly started registry.</param>
public sealed record RegistryOptions(int Layers, long LayerBytes, int Repetitions);

/// <summary>One push and pull of the image to one registry.</summary>
/// <param name="Registry">Which registry.</param>
/// <param name="Round">Which round (from 1).</param>
/// <param name="PushSeconds">Wall time of the push.</param>
/// <param name="PullSeconds">Wall time of the pull.</param>
/// <param name="BaselineResidentBytes">The server's resident memory just before the push.</param>
/// <param name="PushPeakResidentBytes">The server's peak resident memory while the push ran.</param>
/// <param name="PullPeakResidentBytes">The server's peak resident memory while the pull ran.</param>
public sealed record RegistryRound(string Registry, int Round, double PushSeconds, double PullSeconds, long BaselineResidentBytes, long PushPeakResidentBytes, long PullPeakResidentBytes);

/// <summary>Every round, and the image pushed.</summary>
public sealed record RegistryResult(long ImageBytes, int Layers, IReadOnlyList<RegistryRound> Rounds)
{
    public const string Simulator = "simulator (workshop serve)";
    public const string Distribution = "CNCF distribution (docker-registry)";

    /// <summary>The rounds of one registry.</summary>
    public IReadOnlyList<RegistryRound> Of(string registry) => [.. Rounds.Where(r => r.Registry == registry)];

    /// <summary>The median push time of <paramref name="registry"/>, in seconds.</summary>
    public double MedianPushSeconds(string registry) => Median(Of(registry).Select(r => r.PushSeconds));

    /// <summary>The median pull time of <paramref name="registry"/>, in seconds.</summary>
    public double MedianPullSeconds(string registry) => Median(Of(registry).Select(r => r.PullSeconds));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>
/// Registry push and pull: a random image written as an OCI layout is pushed with <c>skopeo copy</c> to the simulator's
/// registry (a <c>workshop serve</c> process, logged in with an ECR token) and to the CNCF distribution registry
/// (filesystem storage), both on this disk, then pulled back into a new layout. The simulator's resident memory is
/// sampled while it receives the image, to show that blobs are streamed to disk, not held in memory.
/// </summary>
public static class RegistryBenchmark
{
    private const string Repository = "bench";

    public static async Task<RegistryResult> RunAsync(RegistryOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("ecs-workshop-bench-registry-").FullName;
        try
        {
            var image = RandomImage.Create(Path.Combine(work, "image"), options.Layers, options.LayerBytes);
            await progress.WriteLineAsync($"  image: {options.Layers} layers, {image.TotalBytes / 1e6:0.0} MB in total").ConfigureAwait(false);
            var rounds = new List<RegistryRound>();
            for (var round = 1; round <= options.Repetitions; round++)
            {
                await using (var simulator = await Servers.StartSimulatorAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    var credentials = await EcrLoginAsync(simulator.Endpoint, cancellationToken).ConfigureAwait(false);
                    rounds.Add(await PushAndPullAsync(RegistryResult.Simulator, round, simulator, credentials, image, work, progress, cancellationToken).ConfigureAwait(false));
                }
                await using (var distribution = await Servers.StartDistributionAsync(cancellationToken).ConfigureAwait(false))
                {
                    rounds.Add(await PushAndPullAsync(RegistryResult.Distribution, round, distribution, null, image, work, progress, cancellationToken).ConfigureAwait(false));
                }
            }
            return new RegistryResult(image.TotalBytes, options.Layers, rounds);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Creates the repository and returns <c>AWS:PASSWORD</c> from GetAuthorizationToken, as <c>aws ecr get-login-password</c> does.</summary>
    private static async Task<string> EcrLoginAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var ecr = AwsJsonClient.Ecr(endpoint);
        await ecr.RequireAsync("CreateRepository", new { repositoryName = Repository }, cancellationToken).ConfigureAwait(false);
        var token = await ecr.RequireAsync("GetAuthorizationToken", new { }, cancellationToken).ConfigureAwait(false);
        var encoded = token["authorizationData"]![0]!["authorizationToken"]!.GetValue<string>();
        return Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
    }

    private static async Task<RegistryRound> PushAndPullAsync(
        string registry, int round, ServerProcess server, string? credentials, RandomImage image, string work, TextWriter progress, CancellationToken cancellationToken)
    {
        var reference = $"docker://{server.Endpoint.Authority}/{Repository}:v{round}";
        var baseline = ProcessMemory.Read(server.Id)?.ResidentBytes ?? 0;

        ProcessMemory.ResetPeak(server.Id);
        TimeSpan push;
        long pushPeak;
        await using (var sampler = MemorySampler.Start(server.Id))
        {
            push = await Skopeo.CopyAsync($"oci:{image.Directory}:{image.RefName}", reference,
                ["--dest-tls-verify=false", .. credentials is null ? Array.Empty<string>() : ["--dest-creds", credentials]], cancellationToken).ConfigureAwait(false);
            pushPeak = sampler.PeakResidentBytes;
        }

        ProcessMemory.ResetPeak(server.Id);
        var pulled = Path.Combine(work, $"pulled-{Guid.NewGuid():N}");
        TimeSpan pull;
        long pullPeak;
        await using (var sampler = MemorySampler.Start(server.Id))
        {
            pull = await Skopeo.CopyAsync(reference, $"oci:{pulled}:{image.RefName}",
                ["--src-tls-verify=false", .. credentials is null ? Array.Empty<string>() : ["--src-creds", credentials]], cancellationToken).ConfigureAwait(false);
            pullPeak = sampler.PeakResidentBytes;
        }
        var pulledBytes = new DirectoryInfo(Path.Combine(pulled, "blobs")).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Directory.Delete(pulled, recursive: true);
        if (pulledBytes < image.TotalBytes)
            throw new InvalidOperationException($"The pull from {registry} wrote {pulledBytes} bytes of blobs, less than the {image.TotalBytes} pushed.");

        var result = new RegistryRound(registry, round, push.TotalSeconds, pull.TotalSeconds, baseline, pushPeak, pullPeak);
        await progress.WriteLineAsync(
            $"  {registry}, round {round}: push {result.PushSeconds:0.00} s, pull {result.PullSeconds:0.00} s, resident {Mib(baseline):0} MiB before, peak {Mib(pushPeak):0} MiB pushing, {Mib(pullPeak):0} MiB pulling").ConfigureAwait(false);
        return result;
    }

    private static double Mib(long bytes) => bytes / 1024.0 / 1024.0;

    /// <summary>The tables: medians and the simulator-to-distribution ratio, memory, and every round.</summary>
    public static BenchReport Report(RegistryResult result, RegistryOptions options)
    {
        var megabytes = result.ImageBytes / 1e6;
        var summary = new ResultTable("Push and pull (median of the rounds)", "Registry", "Push s", "Push MB/s", "Pull s", "Pull MB/s");
        foreach (var registry in new[] { RegistryResult.Simulator, RegistryResult.Distribution })
        {
            var push = result.MedianPushSeconds(registry);
            var pull = result.MedianPullSeconds(registry);
            summary.Add(registry, push, megabytes / push, pull, megabytes / pull);
        }
        var ratio = new ResultTable("Simulator vs CNCF distribution", "Push time ratio (sim/distribution)", "Pull time ratio (sim/distribution)");
        ratio.Add(result.MedianPushSeconds(RegistryResult.Simulator) / result.MedianPushSeconds(RegistryResult.Distribution),
            result.MedianPullSeconds(RegistryResult.Simulator) / result.MedianPullSeconds(RegistryResult.Distribution));

        var memory = new ResultTable("Server resident memory (worst round)", "Registry", "Before the push MiB", "Peak while pushing MiB", "Peak while pulling MiB", "Image MiB");
        foreach (var registry in new[] { RegistryResult.Simulator, RegistryResult.Distribution })
        {
            var rounds = result.Of(registry);
            memory.Add(registry, Mib(rounds.Max(r => r.BaselineResidentBytes)), Mib(rounds.Max(r => r.PushPeakResidentBytes)),
                Mib(rounds.Max(r => r.PullPeakResidentBytes)), Mib(result.ImageBytes));
        }

        var every = new ResultTable("Every round", "Registry", "Round", "Push s", "Pull s", "Peak while pushing MiB");
        foreach (var round in result.Rounds) every.Add(round.Registry, round.Round, round.PushSeconds, round.PullSeconds, Mib(round.PushPeakResidentBytes));

        return new BenchReport("registry", "Registry: pushing and pulling an image",
            $"Seconds and MB/s for `skopeo copy` to push a {megabytes:0} MB image ({options.Layers} layers of random bytes, from an OCI layout) to the simulator's registry and to the CNCF distribution registry, and to pull it back; and the simulator's peak resident memory while it receives the image.",
            [summary, ratio, memory, every],
            [
                $"{options.Repetitions} round(s) per registry; each round starts the registry afresh (new port, new storage) so nothing is already there, pushes, then pulls into a new OCI layout. MB = 1,000,000 bytes; MiB = 1,048,576.",
                "The simulator runs as a separate `workshop serve` process (ECR login with the password GetAuthorizationToken returns); the CNCF registry (`/usr/bin/docker-registry`, Debian's distribution 2.8) with filesystem storage and anonymous access. Both store on the same disk, both over plain HTTP on loopback.",
                "Resident memory is the server's VmRSS from /proc/PID/status, sampled every 20 ms, with VmHWM reset before each push and pull: a peak well under the image's size means the blobs went to disk as they arrived.",
                "Timings include starting skopeo (the same for both).",
            ]);
    }
}
