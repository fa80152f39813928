using System.Collections.Concurrent;
using EcsWorkshop.Simulator.Ecr.Domain;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>
/// The blob uploads in progress: which repository each belongs to, and one turn at a time per upload so that a
/// chunk still streaming in is whole (or taken back out) before the upload is finished, cancelled or measured.
/// The bytes themselves are partial files of the <see cref="Storage.BlobStore"/>.
/// </summary>
public sealed class UploadSessions(EcrEngine ecr)
{
    private readonly ConcurrentDictionary<string, string> _repositories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _turns = new(StringComparer.Ordinal);

    /// <summary>Starts an upload into <paramref name="repository"/>; returns its id.</summary>
    public string Begin(Repository repository)
    {
        AbandonUploadsOfDeletedRepositories();
        var uploadId = ecr.Blobs.BeginUpload();
        _repositories[uploadId] = repository.Arn;
        return uploadId;
    }

    /// <summary>
    /// Runs one request on an upload after any other on the same upload has finished.
    /// </summary>
    public async Task OneAtATimeAsync(string uploadId, Func<Task> handle, CancellationToken cancellationToken)
    {
        if (!_repositories.ContainsKey(uploadId))
        {
            await handle().ConfigureAwait(false); // no such upload: nothing to wait for
            return;
        }
        var turn = _turns.GetOrAdd(uploadId, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await handle().ConfigureAwait(false);
        }
        finally
        {
            turn.Release();
            if (!_repositories.ContainsKey(uploadId)) _turns.TryRemove(uploadId, out _);
        }
    }

    /// <summary>The length uploaded so far, when the upload exists and belongs to <paramref name="repository"/>; else the registry's 404.</summary>
    public long RequireLength(Repository repository, string uploadId) =>
        _repositories.TryGetValue(uploadId, out var owner) && owner == repository.Arn && ecr.Blobs.UploadedLength(uploadId) is { } length
            ? length
            : throw RegistryErrors.UploadUnknown.Refusal();

    /// <summary>Takes an upload and its bytes away.</summary>
    public void Abandon(string uploadId)
    {
        ecr.Blobs.Cancel(uploadId);
        Forget(uploadId);
    }

    /// <summary>Forgets an upload that ended (finished or abandoned).</summary>
    public void Forget(string uploadId)
    {
        _repositories.TryRemove(uploadId, out _);
        _turns.TryRemove(uploadId, out _);
    }

    /// <summary>
    /// Takes off the disk the uploads into repositories deleted since they began: no request can reach them any more
    /// (the repository is not found), so they would stay until a restart. An upload a request is still writing to is
    /// left for the next sweep, at the next upload's start.
    /// </summary>
    private void AbandonUploadsOfDeletedRepositories()
    {
        var repositories = ecr.World.Repositories;
        foreach (var (uploadId, owner) in _repositories)
        {
            if (repositories.ContainsKey(owner)) continue;
            var turn = _turns.GetOrAdd(uploadId, _ => new SemaphoreSlim(1, 1));
            if (!turn.Wait(0)) continue;
            try
            {
                if (_repositories.TryGetValue(uploadId, out var current) && current == owner && !ecr.World.Repositories.ContainsKey(owner))
                    Abandon(uploadId);
            }
            finally
            {
                turn.Release();
            }
        }
    }
}
