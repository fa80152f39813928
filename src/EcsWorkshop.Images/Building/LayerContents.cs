namespace EcsWorkshop.Images.Building;

/// <summary>What a tar entry of a layer is.</summary>
public enum LayerEntryKind
{
    Directory,
    File,
    SymbolicLink,
}

/// <summary>
/// One file system entry of a layer: its path in the image (relative, no trailing <c>/</c>), kind, permission bits
/// and owner; a file's content comes from <see cref="SourceFile"/>, a link's target is <see cref="LinkTarget"/>.
/// </summary>
public sealed record LayerEntry(string Path, LayerEntryKind Kind, UnixFileMode Mode, int Uid, int Gid, string? SourceFile = null, string? LinkTarget = null);

/// <summary>
/// The entries of one layer being planned, sorted by path (ordinal) so that the tar archive is the same whatever
/// order the files were found in. A later entry at the same path replaces an earlier one, as a later copy would.
/// </summary>
public sealed class LayerContents
{
    /// <summary>Permission bits of directories: <c>0755</c>.</summary>
    public const UnixFileMode DirectoryMode = (UnixFileMode)0b111_101_101;

    /// <summary>Permission bits of ordinary files: <c>0644</c>.</summary>
    public const UnixFileMode FileMode = (UnixFileMode)0b110_100_100;

    /// <summary>Permission bits of executable files: <c>0755</c>.</summary>
    public const UnixFileMode ExecutableMode = (UnixFileMode)0b111_101_101;

    /// <summary>Permission bits of symbolic links: <c>0777</c>.</summary>
    public const UnixFileMode LinkMode = (UnixFileMode)0b111_111_111;

    private readonly SortedDictionary<string, LayerEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>The entries, sorted by path.</summary>
    public IReadOnlyCollection<LayerEntry> Entries => _entries.Values;

    /// <summary>Adds an entry, and the directories above it (owned by root, <c>0755</c>) unless already there.</summary>
    public void Add(LayerEntry entry)
    {
        if (entry.Path.Length == 0) return;
        for (var parent = ContextPath.Parent(entry.Path); parent.Length > 0; parent = ContextPath.Parent(parent))
        {
            if (!_entries.ContainsKey(parent)) _entries[parent] = new LayerEntry(parent, LayerEntryKind.Directory, DirectoryMode, 0, 0);
        }
        _entries[entry.Path] = entry;
    }

    /// <summary>
    /// The permission bits a copied file gets: <c>0755</c> when its owner may execute it, else <c>0644</c>
    /// (Windows has no execute bit: <c>0644</c>). Normalizing keeps builds the same across machines and umasks.
    /// </summary>
    public static UnixFileMode ModeOf(FileInfo file)
    {
        if (OperatingSystem.IsWindows()) return FileMode;
        return (File.GetUnixFileMode(file.FullName) & UnixFileMode.UserExecute) != 0 ? ExecutableMode : FileMode;
    }
}
