using System.Collections.Immutable;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace EcsWorkshop.Docker;

/// <summary>An image build or push the engine reported as failed (its own message is <see cref="Exception.Message"/>).</summary>
public sealed class DockerEngineException(string message, ImmutableArray<string> output, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What the engine printed before it failed.</summary>
    public ImmutableArray<string> Output { get; } = output;
}

/// <summary>
/// <c>docker build</c> and <c>docker push</c> through the Engine API: the build context goes up as a tar, the
/// engine's output comes back as a stream of JSON messages, each printed as it arrives.
/// </summary>
public static class EngineBuild
{
    /// <summary>Builds from a context tar; the output lines (as <c>docker build</c> prints them). Throws <see cref="DockerEngineException"/> on a failed step.</summary>
    public static async Task<ImmutableArray<string>> RunAsync(DockerClient client, Stream contextTar, ImageBuildParameters parameters, TextWriter? progress,
        CancellationToken cancellationToken)
    {
        var lines = new OutputLines(progress);
        try
        {
            await client.Images.BuildImageFromDockerfileAsync(parameters, contextTar, null, null, lines, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            throw new DockerEngineException(e.ResponseBody is { Length: > 0 } body ? body.Trim() : e.Message, lines.All, e);
        }
        if (lines.Error is { } error) throw new DockerEngineException(error, lines.All);
        return lines.All;
    }

    /// <summary>Pushes <paramref name="reference"/> (<c>registry/repository:tag</c>) with the registry credentials; returns the output and the digest the engine reported.</summary>
    public static async Task<(ImmutableArray<string> Output, string? Digest)> PushAsync(DockerClient client, string reference, AuthConfig auth, TextWriter? progress,
        CancellationToken cancellationToken)
    {
        var separator = reference.LastIndexOf(':');
        var lines = new OutputLines(progress);
        try
        {
            await client.Images.PushImageAsync(reference[..separator], new ImagePushParameters { Tag = reference[(separator + 1)..] }, auth, lines, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            throw new DockerEngineException(e.ResponseBody is { Length: > 0 } body ? body.Trim() : e.Message, lines.All, e);
        }
        if (lines.Error is { } error) throw new DockerEngineException(error, lines.All);
        // The last status line reads "TAG: digest: sha256:… size: N", as docker push prints it.
        var digest = lines.All.Select(l => l.IndexOf("digest: ", StringComparison.Ordinal) is var i and >= 0 ? l[(i + 8)..].Split(' ')[0] : null).LastOrDefault(d => d is not null);
        return (lines.All, digest);
    }

    /// <summary>Collects the engine's messages as the lines the docker CLI prints, echoing each to a writer.</summary>
    private sealed class OutputLines(TextWriter? progress) : IProgress<JSONMessage>
    {
        private readonly List<string> _lines = [];
        private readonly Lock _gate = new();

        public string? Error { get; private set; }

        public ImmutableArray<string> All
        {
            get { lock (_gate) return [.. _lines]; }
        }

        public void Report(JSONMessage value)
        {
            var text = value.Error?.Message is { Length: > 0 } error ? error
                : value.Stream is { Length: > 0 } stream ? stream.TrimEnd('\n', '\r')
                : value.Status is { Length: > 0 } status ? (value.ID is { Length: > 0 } id ? $"{id}: {status}" : status)
                : null;
            if (text is null || value.Error is null && value.Status is "Pushing" or "Downloading" or "Extracting" or "Waiting") return;
            lock (_gate)
            {
                if (value.Error?.Message is { Length: > 0 }) Error = text;
                foreach (var line in text.Split('\n'))
                {
                    if (line.Length == 0) continue;
                    _lines.Add(line);
                    progress?.WriteLine(line);
                }
            }
        }
    }
}
