using System.Formats.Tar;

namespace EcsWorkshop.Docker;

/// <summary>
/// The build context as <c>docker build</c> sends it to the engine: a tar of the context directory, with each
/// file's permissions (a CGI script stays executable). Files a <c>.dockerignore</c> names are still sent; the
/// engine applies <c>.dockerignore</c> itself when it reads the context.
/// </summary>
public static class BuildContextArchive
{
    /// <summary>A tar of every file and directory under <paramref name="directory"/>, in path order, into a stream at position 0.</summary>
    public static MemoryStream Create(string directory, IReadOnlyDictionary<string, string>? extraFiles = null)
    {
        var stream = new MemoryStream();
        using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(directory, path).Replace('\\', '/');
                if (Directory.Exists(path)) name += "/";
                tar.WriteEntry(path, name);
            }
            foreach (var (name, source) in extraFiles ?? new Dictionary<string, string>())
                tar.WriteEntry(source, name);
        }
        stream.Position = 0;
        return stream;
    }
}
