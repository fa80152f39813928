namespace EcsWorkshop.Images.Building;

/// <summary>
/// The files a build may copy: a directory minus what <c>.dockerignore</c> ignores. Paths are relative to the
/// context directory, with <c>/</c>; <c>""</c> is the context itself.
/// </summary>
public sealed class BuildContext
{
    private List<string>? _allPaths;

    public BuildContext(string directory, DockerIgnore? ignore = null)
    {
        Directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(Directory)) throw new DirectoryNotFoundException($"The build context '{Directory}' does not exist.");
        Ignore = ignore ?? DockerIgnore.None;
    }

    /// <summary>The context directory.</summary>
    public string Directory { get; }

    /// <summary>The ignore rules.</summary>
    public DockerIgnore Ignore { get; }

    /// <summary>The file or directory on disk for a context path.</summary>
    public string FullPath(string path) => path.Length == 0 ? Directory : Path.Combine(Directory, path.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The item at a context path (a symbolic link is followed), or null when it is missing or ignored.</summary>
    public FileSystemInfo? Find(string path)
    {
        if (path.Length > 0 && !IsIncluded(path)) return null;
        var full = FullPath(path);
        FileSystemInfo? info = System.IO.Directory.Exists(full) ? new DirectoryInfo(full) : File.Exists(full) ? new FileInfo(full) : null;
        if (info?.LinkTarget is not null) info = info.ResolveLinkTarget(returnFinalTarget: true);
        return info is { Exists: true } ? info : null;
    }

    /// <summary>Every included path that a wildcard pattern matches, in order.</summary>
    public IReadOnlyList<string> Glob(string pattern)
    {
        var matcher = new PathPattern(pattern);
        return [.. AllPaths().Where(matcher.Matches)];
    }

    /// <summary>
    /// The included items below a directory, parents before children and names in ordinal order. Symbolic links are
    /// listed as they are, not followed.
    /// </summary>
    public IEnumerable<(string Path, FileSystemInfo Info)> Walk(string directory)
    {
        var children = new DirectoryInfo(FullPath(directory)).EnumerateFileSystemInfos()
            .OrderBy(i => i.Name, StringComparer.Ordinal);
        foreach (var child in children)
        {
            var path = ContextPath.Join(directory, child.Name);
            var isDirectory = child is DirectoryInfo && child.LinkTarget is null;
            if (isDirectory)
            {
                List<(string Path, FileSystemInfo Info)> below = IsIgnored(path) && !Ignore.HasExceptions ? [] : [.. Walk(path)];
                if (!IsIgnored(path) || below.Count > 0)
                {
                    yield return (path, child);
                    foreach (var item in below) yield return item;
                }
            }
            else if (IsIncluded(path))
            {
                yield return (path, child);
            }
        }
    }

    private bool IsIgnored(string path) => Ignore.IsIgnored(path);

    private bool IsIncluded(string path)
    {
        if (!IsIgnored(path)) return true;
        var full = FullPath(path);
        return Ignore.HasExceptions && System.IO.Directory.Exists(full) && Walk(path).Any();
    }

    private List<string> AllPaths() => _allPaths ??= [.. Walk("").Select(i => i.Path)];
}
