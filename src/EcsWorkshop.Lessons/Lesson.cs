using System.Text.RegularExpressions;
using EcsWorkshop.Lessons.Notebooks;

namespace EcsWorkshop.Lessons;

/// <summary>One lesson: a notebook named <c>NN-name.ipynb</c> in the notebooks folder.</summary>
public sealed partial record Lesson(string Path, Notebook Notebook)
{
    [GeneratedRegex(@"^(?<number>\d{2})-(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.ipynb$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^#\s+(?<title>.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    /// <summary>The file name without <c>.ipynb</c>, for example <c>00-setup</c>.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The two-digit number that orders the lessons.</summary>
    public int Number => int.Parse(FileName().Match(System.IO.Path.GetFileName(Path)).Groups["number"].Value);

    /// <summary>The folder the lesson lives in (its code runs there).</summary>
    public string Folder => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    /// <summary>The first level-1 heading of the first Markdown cell that has one, or the name.</summary>
    public string Title => Notebook.MarkdownCells.Select(c => Heading().Match(c.Source)).FirstOrDefault(m => m.Success)?.Groups["title"].Value ?? Name;

    /// <summary>The lesson's exercises with their model answers.</summary>
    public IReadOnlyList<Exercises.Exercise> Exercises => EcsWorkshop.Lessons.Exercises.ModelAnswers.Find(Notebook);

    /// <summary>The lesson as a learner who solved every exercise has it: each exercise cell holds its model answer.</summary>
    public Lesson WithModelAnswers() => this with { Notebook = EcsWorkshop.Lessons.Exercises.ModelAnswers.Fill(Notebook) };

    /// <summary>Whether a file name is a lesson's (<c>NN-lowercase-words.ipynb</c>).</summary>
    public static bool IsLessonFileName(string fileName) => FileName().IsMatch(fileName);

    /// <summary>Reads a lesson notebook.</summary>
    public static Lesson Load(string path) => new(System.IO.Path.GetFullPath(path), NotebookFile.Load(path));

    /// <summary>The lessons in a folder, in order of their numbers.</summary>
    public static IReadOnlyList<Lesson> FindAll(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.ipynb")
            .Where(p => IsLessonFileName(System.IO.Path.GetFileName(p)))
            .Order(StringComparer.Ordinal)
            .Select(Load)];
}
