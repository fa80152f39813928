namespace EcsWorkshop.Tests.Support;

/// <summary>Folders of the repository the tests run from.</summary>
public static class RepositoryFolders
{
    /// <summary>The repository root (the folder with Workshop.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The sample web app (<c>samples/web</c>), as the lessons build it.</summary>
    public static string SampleWeb => Path.Combine(Root, "samples", "web");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Workshop.sln"))) return directory.FullName;
        throw new InvalidOperationException("Workshop.sln not found above " + AppContext.BaseDirectory);
    }
}
