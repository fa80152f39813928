namespace EcsWorkshop.Lessons;

/// <summary>Where the repository's folders are, found from wherever a command runs.</summary>
public static class RepositoryFolders
{
    /// <summary>The lessons' folder inside the repository.</summary>
    public const string Notebooks = "notebooks";

    /// <summary>The closest folder at or above <paramref name="start"/> that holds <c>Workshop.sln</c>, or null.</summary>
    public static string? FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Workshop.sln"))) return folder.FullName;
        return null;
    }
}
