namespace EcsWorkshop.Lessons.Tests.Support;

/// <summary>The repository the tests were built from (the folder holding <c>Workshop.sln</c>).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = RepositoryFolders.FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No Workshop.sln above {AppContext.BaseDirectory}.");

    /// <summary>The full path of a file given relative to the repository root.</summary>
    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    /// <summary>The repository's lessons folder.</summary>
    public static string Notebooks => File(RepositoryFolders.Notebooks);

    /// <summary>The repository's lessons, in order.</summary>
    public static IReadOnlyList<Lesson> Lessons => Lesson.FindAll(Notebooks);

    /// <summary>The lessons' names, for theories.</summary>
    public static TheoryData<string> LessonNames => [.. Lessons.Select(l => l.Name)];
}
