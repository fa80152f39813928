using System.Text.RegularExpressions;
using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Lint;

/// <summary>
/// Every notebook in <c>notebooks/</c> is a lesson both VS Code's Polyglot Notebooks and Jupyter open as C#, written
/// in Japanese, starting with the setup cell, committed without outputs, and linking only to lessons that exist (or
/// to the next ones, not yet written).
/// </summary>
public sealed partial class LessonLintTests
{
    public static TheoryData<string> Lessons => RepositoryRoot.LessonNames;

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();

    [GeneratedRegex(@"\]\((?:\./)?(?<number>\d{2})-(?<slug>[a-z0-9-]+)\.ipynb(?:#[^)]*)?\)")]
    private static partial Regex LessonLink();

    private static Lesson Load(string name) => Lesson.Load(RepositoryRoot.File($"notebooks/{name}.ipynb"));

    [Fact]
    public void There_is_at_least_one_lesson()
    {
        Assert.NotEmpty(RepositoryRoot.Lessons);
    }

    [Fact]
    public void Every_notebook_in_the_folder_is_named_like_a_lesson()
    {
        var misnamed = Directory.EnumerateFiles(RepositoryRoot.Notebooks, "*.ipynb", SearchOption.AllDirectories)
            .Where(path => Path.GetDirectoryName(path) != RepositoryRoot.Notebooks || !Lesson.IsLessonFileName(Path.GetFileName(path)))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path));

        Assert.Empty(misnamed);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_notebook_names_the_dotnet_csharp_kernel_for_Polyglot_and_Jupyter(string lesson)
    {
        var metadata = Load(lesson).Notebook.Metadata;

        Assert.True(NotebookMetadata.IsWorkshopNotebook(metadata), $"{lesson}: notebook metadata is\n{metadata.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Every_code_cell_is_marked_as_csharp_for_Polyglot_and_Jupyter(string lesson)
    {
        var unmarked = Load(lesson).Notebook.CodeCells.Where(c => !NotebookMetadata.IsCSharpCell(c.Metadata)).Select(c => c.Source);

        Assert.Empty(unmarked);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_lesson_opens_with_a_Japanese_title(string lesson)
    {
        var notebook = Load(lesson).Notebook;

        var first = Assert.IsType<MarkdownCell>(notebook.Cells.First());
        Assert.StartsWith("# ", first.Source);
        Assert.Matches(Japanese(), Load(lesson).Title);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Every_Markdown_cell_is_written_in_Japanese(string lesson)
    {
        var notJapanese = Load(lesson).Notebook.MarkdownCells.Where(c => !Japanese().IsMatch(c.Source)).Select(c => c.Source);

        Assert.Empty(notJapanese);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_first_code_cell_is_the_setup_cell_and_says_in_Japanese_what_it_does(string lesson)
    {
        var first = Load(lesson).Notebook.CodeCells.First();

        Assert.True(LessonSetup.IsSetupCell(first), $"{lesson}: the first code cell is not the setup cell (`{LessonSetup.LoadCommand}` then `{LessonSetup.ImportCommand}`):\n{first.Source}");
        Assert.Contains(first.Source.Split('\n'), line => line.TrimStart().StartsWith("//", StringComparison.Ordinal) && Japanese().IsMatch(line));
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Only_the_first_code_cell_imports_the_setup(string lesson)
    {
        Assert.Single(Load(lesson).Notebook.CodeCells, LessonSetup.IsSetupCell);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_lesson_is_committed_without_outputs(string lesson)
    {
        var withOutputs = Load(lesson).Notebook.CodeCells.Where(c => c.Outputs.Length > 0 || c.ExecutionCount is not null).Select(c => c.Source);

        Assert.Empty(withOutputs);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Links_to_lessons_point_to_lessons_that_exist_or_to_later_ones_not_yet_written(string lesson)
    {
        var lessons = RepositoryRoot.Lessons;
        var last = lessons.Max(l => l.Number);
        var names = lessons.Select(l => l.Name).ToHashSet();

        var broken = Load(lesson).Notebook.MarkdownCells
            .SelectMany(c => LessonLink().Matches(c.Source))
            .Where(m => !names.Contains($"{m.Groups["number"].Value}-{m.Groups["slug"].Value}") && int.Parse(m.Groups["number"].Value) <= last)
            .Select(m => m.Value);

        Assert.Empty(broken);
    }

    [Fact]
    public void The_setup_script_names_a_helper_project_that_exists_and_the_namespaces_to_open()
    {
        var setup = LessonSetup.Load(RepositoryRoot.Notebooks);

        Assert.True(File.Exists(RepositoryRoot.File(setup.HelperProject)), $"{setup.HelperProject} does not exist");
        Assert.NotEmpty(setup.Usings);
    }
}
