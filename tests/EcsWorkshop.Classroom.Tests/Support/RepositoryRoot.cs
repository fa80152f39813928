namespace EcsWorkshop.Classroom.Tests.Support;

/// <summary>The repository the tests were built from (the folder holding <c>Workshop.sln</c>).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Workshop.sln"))) return directory.FullName;
        throw new InvalidOperationException($"No Workshop.sln above {AppContext.BaseDirectory}.");
    }
}
