using EcsWorkshop.Images;
namespace EcsWorkshop.Simulator.Storage;

/// <summary>
/// Content-addressed blobs on disk (<c>blobs/sha256/ab/abcd…</c>) and the uploads that become them.
/// Content is streamed in and out, never held whole in memory; a blob appears only once its digest was verified,
/// by an atomic rename, so a crash leaves either nothing or the whole blob.
/// </summary>
public sealed class BlobStore
{
    private readonly string _blobs;
    private readonly string _uploads;

    public BlobStore(string root)
    {
        _blobs = Path.Combine(root, "blobs", "sha256");
        _uploads = Path.Combine(root, "uploads");
        Directory.CreateDirectory(_blobs);
        Directory.CreateDirectory(_uploads);
        foreach (var leftover in Directory.EnumerateFiles(_uploads)) File.Delete(leftover);
    }

    /// <summary>A blob store in a fresh temporary directory (for in-memory simulators and tests).</summary>
    public static BlobStore InTemporaryDirectory() => new(Directory.CreateTempSubdirectory("ecs-workshop-blobs-").FullName);

    private string PathOf(Digest digest) => Path.Combine(_blobs, digest.Hex[..2], digest.Hex);

    private string UploadPath(string uploadId) => Path.Combine(_uploads, uploadId);

    /// <summary>The blob's size, or null when it is not stored.</summary>
    public long? SizeOf(Digest digest)
    {
        var file = new FileInfo(PathOf(digest));
        return file.Exists ? file.Length : null;
    }

    /// <summary>Opens a stored blob for reading.</summary>
    public Stream OpenRead(Digest digest) =>
        new FileStream(PathOf(digest), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);

    /// <summary>Stores small content directly (manifests), returning its digest.</summary>
    public Digest Put(ReadOnlySpan<byte> content)
    {
        var digest = Digest.Of(content);
        if (SizeOf(digest) is not null) return digest;
        var temporary = UploadPath("put-" + Guid.NewGuid().ToString("n"));
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }
        Publish(temporary, digest);
        return digest;
    }

    /// <summary>Starts an upload; returns its id.</summary>
    public string BeginUpload()
    {
        var id = Guid.NewGuid().ToString();
        File.Create(UploadPath(id)).Dispose();
        return id;
    }

    /// <summary>The number of bytes received so far, or null when there is no such upload.</summary>
    public long? UploadedLength(string uploadId)
    {
        if (!Guid.TryParse(uploadId, out _)) return null;
        var file = new FileInfo(UploadPath(uploadId));
        return file.Exists ? file.Length : null;
    }

    /// <summary>
    /// Appends a chunk to an upload (streamed); returns the new length. A chunk that does not arrive whole (the client
    /// went away, the body was cut short) is taken back out, so the upload stays as it was before the chunk.
    /// </summary>
    public async Task<long> AppendAsync(string uploadId, Stream chunk, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(UploadPath(uploadId), FileMode.Append, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var before = file.Length;
        try
        {
            await chunk.CopyToAsync(file, 1 << 16, cancellationToken).ConfigureAwait(false);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            return file.Length;
        }
        catch
        {
            file.SetLength(before);
            throw;
        }
    }

    /// <summary>
    /// Finishes an upload: hashes what was received and, if it matches <paramref name="expected"/>, makes it a blob.
    /// A mismatch deletes the upload and returns false.
    /// </summary>
    public bool Complete(string uploadId, Digest expected)
    {
        var path = UploadPath(uploadId);
        Digest actual;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            actual = Digest.Of(file);
            file.Flush(flushToDisk: true);
        }
        if (actual != expected)
        {
            File.Delete(path);
            return false;
        }
        Publish(path, expected);
        return true;
    }

    /// <summary>Abandons an upload.</summary>
    public void Cancel(string uploadId)
    {
        if (UploadedLength(uploadId) is not null) File.Delete(UploadPath(uploadId));
    }

    private void Publish(string temporary, Digest digest)
    {
        var target = PathOf(digest);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target)) File.Delete(temporary);
        else File.Move(temporary, target, overwrite: true);
    }
}
