namespace EcsWorkshop.Images.Building;

/// <summary>Paths inside a build context or an image: relative, separated by <c>/</c>, without <c>.</c> or <c>..</c>.</summary>
public static class ContextPath
{
    /// <summary>
    /// Cleans a path relative to a root: backslashes become <c>/</c>, leading <c>/</c>, <c>.</c> and empty parts go,
    /// <c>..</c> removes a part; null when <c>..</c> would leave the root. The root itself is <c>""</c>.
    /// </summary>
    public static string? Clean(string path) => Normalize(path, clampAtRoot: false);

    /// <summary>
    /// Cleans an absolute path inside an image, where <c>..</c> stops at the root as it does in a file system:
    /// <c>/usr/share/../bin</c> is <c>usr/bin</c>; the root is <c>""</c>.
    /// </summary>
    public static string CleanInImage(string path) => Normalize(path, clampAtRoot: true)!;

    private static string? Normalize(string path, bool clampAtRoot)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                else if (!clampAtRoot) return null;
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    /// <summary>The parent of a clean path (<c>""</c> for a top-level one).</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    /// <summary>The last part of a clean path.</summary>
    public static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Joins clean paths.</summary>
    public static string Join(string parent, string child) => parent.Length == 0 ? child : child.Length == 0 ? parent : parent + "/" + child;
}
