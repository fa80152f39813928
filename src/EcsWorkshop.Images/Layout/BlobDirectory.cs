namespace EcsWorkshop.Images.Layout;

/// <summary>
/// Content-addressed blobs on disk, laid out as an OCI image layout does: <c>ROOT/blobs/sha256/HEX</c>. A blob is
/// written to a temporary file first and moved into place under its digest, so a blob that exists is complete.
/// </summary>
public sealed class BlobDirectory
{
    /// <summary>Uses (and creates) <c>ROOT/blobs/sha256</c>.</summary>
    public BlobDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Sha256Directory);
    }

    /// <summary>The directory that holds <c>blobs/</c>.</summary>
    public string Root { get; }

    private string Sha256Directory => Path.Combine(Root, "blobs", "sha256");

    /// <summary>Where the blob with this digest lives (whether or not it exists).</summary>
    public string PathOf(Digest digest) => Path.Combine(Sha256Directory, digest.Hex);

    /// <summary>True when the blob is stored.</summary>
    public bool Contains(Digest digest) => File.Exists(PathOf(digest));

    /// <summary>A new temporary file next to the blobs, to write a blob into before <see cref="Commit"/>.</summary>
    public string NewTemporaryFile() => Path.Combine(Sha256Directory, $".tmp-{Guid.NewGuid():N}");

    /// <summary>Moves a finished temporary file into place as the blob <paramref name="digest"/> and returns its path.</summary>
    public string Commit(string temporaryFile, Digest digest)
    {
        var path = PathOf(digest);
        if (File.Exists(path)) File.Delete(temporaryFile);
        else File.Move(temporaryFile, path);
        return path;
    }

    /// <summary>Stores small bytes (a manifest or config) and returns the path.</summary>
    public string Put(byte[] bytes)
    {
        var digest = Digest.Of(bytes);
        if (Contains(digest)) return PathOf(digest);
        var temporary = NewTemporaryFile();
        File.WriteAllBytes(temporary, bytes);
        return Commit(temporary, digest);
    }

    /// <summary>Copies a blob file in (no-op when it is already stored) and returns the stored path.</summary>
    public string Import(string file, Digest digest)
    {
        var path = PathOf(digest);
        if (File.Exists(path) || Path.GetFullPath(file) == path) return path;
        var temporary = NewTemporaryFile();
        File.Copy(file, temporary);
        return Commit(temporary, digest);
    }
}
