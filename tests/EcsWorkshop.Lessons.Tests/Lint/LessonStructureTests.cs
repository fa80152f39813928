using System.Text.RegularExpressions;
using EcsWorkshop.Lessons.Exercises;
using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Lint;

/// <summary>
/// Every lesson has the parts a learner relies on: its goals, a diagram, an exercise with a self-check and a model
/// answer, and a link to the next lesson (the last one links back to the start).
/// </summary>
public sealed partial class LessonStructureTests
{
    public static TheoryData<string> Lessons => RepositoryRoot.LessonNames;

    [GeneratedRegex(@"!\[[^\]]+\]\(\.\./images/[^)\s]+\.svg\)")]
    private static partial Regex Diagram();

    [GeneratedRegex(@"\]\((?<number>\d{2})-[a-z0-9-]+\.ipynb\)")]
    private static partial Regex LessonLink();

    private static Lesson Load(string name) => Lesson.Load(RepositoryRoot.File($"notebooks/{name}.ipynb"));

    private static IEnumerable<string> Headings(Lesson lesson, string level) =>
        lesson.Notebook.MarkdownCells.SelectMany(c => c.Source.Split('\n')).Where(l => l.StartsWith(level + " ", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_lesson_states_its_goals(string lesson)
    {
        Assert.Contains("## このレッスンのゴール", Headings(Load(lesson), "##"));
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_lesson_explains_with_a_diagram_that_has_a_description(string lesson)
    {
        Assert.Contains(Load(lesson).Notebook.MarkdownCells, c => Diagram().IsMatch(c.Source));
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_lesson_has_an_exercise_with_a_self_check_and_a_folded_model_answer(string lesson)
    {
        var exercises = Load(lesson).Exercises;

        Assert.NotEmpty(exercises);
        Assert.All(exercises, e => Assert.Matches(@"Checks\.\w+Async|workshop\.Check\(", e.ModelAnswer));
        Assert.All(exercises, e => Assert.Matches(@"Checks\.\w+Async|workshop\.Check\(", e.Cell.Source));
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void An_exercise_as_committed_differs_from_its_model_answer(string lesson)
    {
        Assert.All(Load(lesson).Exercises, e => Assert.NotEqual(e.Cell.Source.Trim(), e.ModelAnswer.Trim()));
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void The_lesson_ends_with_a_link_to_the_next_lesson_or_back_to_the_first(string lesson)
    {
        var loaded = Load(lesson);
        var last = RepositoryRoot.Lessons.Max(l => l.Number);
        var closing = loaded.Notebook.Cells.OfType<MarkdownCell>().Last().Source;

        var linked = LessonLink().Matches(closing).Select(m => int.Parse(m.Groups["number"].Value)).ToList();

        Assert.Contains(loaded.Number == last ? 0 : loaded.Number + 1, linked);
    }

    [Fact]
    public void Model_answers_fill_every_exercise_cell_and_nothing_else()
    {
        var lesson = RepositoryRoot.Lessons.First(l => l.Exercises.Count > 0);

        var answered = lesson.WithModelAnswers();

        var changed = lesson.Notebook.Cells.Zip(answered.Notebook.Cells).Where(p => p.First.Source != p.Second.Source).ToList();
        Assert.Equal(lesson.Exercises.Count, changed.Count);
        Assert.All(changed, p => Assert.True(p.First is CodeCell && ModelAnswers.IsExerciseCell((CodeCell)p.First)));
        Assert.Equal(lesson.Exercises.Select(e => e.ModelAnswer), changed.Select(p => p.Second.Source));
    }

    [Fact]
    public void An_exercise_cell_without_a_model_answer_after_it_is_refused()
    {
        var notebook = Notebook.Create([Notebook.Code("// 演習 1: 何かを書きます\nvar x = 0;"), Notebook.Markdown("答えはありません")]);

        var error = Assert.Throws<FormatException>(() => ModelAnswers.Find(notebook));

        Assert.Contains("no model answer", error.Message);
    }
}
