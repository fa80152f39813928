namespace EcsWorkshop.Display.Tests.Support;

/// <summary>The repository the tests were built from (the folder holding <c>Workshop.sln</c>).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The full path of a file or folder given relative to the repository root.</summary>
    public static string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Workshop.sln")))
                return directory.FullName;
        throw new InvalidOperationException($"No Workshop.sln above {AppContext.BaseDirectory}.");
    }
}
