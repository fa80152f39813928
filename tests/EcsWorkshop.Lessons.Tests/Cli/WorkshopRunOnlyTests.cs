using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Cli;

/// <summary><c>workshop run --only</c>: a subset of the lessons, by number, in the real command's own process.</summary>
public sealed class WorkshopRunOnlyTests : IDisposable
{
    private readonly string _notebooks = Directory.CreateTempSubdirectory("ecs-workshop-only-").FullName;

    public WorkshopRunOnlyTests()
    {
        foreach (var (number, slug) in new[] { ("00", "first"), ("01", "second"), ("03", "fourth") })
        {
            NotebookFile.Save(Notebook.Create([
                Notebook.Markdown($"# {number}. レッスン {slug}"),
                Notebook.Code($"Console.WriteLine(\"レッスン {number} を実行しました\");"),
            ]), Path.Combine(_notebooks, $"{number}-{slug}.ipynb"));
        }
    }

    [Fact]
    public async Task Only_runs_the_lessons_it_names_and_skips_the_others()
    {
        var output = Path.Combine(_notebooks, "out");

        var result = await ProcessRunner.WorkshopAsync(_notebooks, TimeSpan.FromMinutes(3), "run", "--runtime", "simulated", "--notebooks", _notebooks, "--out", output, "--only", "03,00");

        Assert.True(result.ExitCode == 0, result.Printed);
        Assert.Contains("Running 2 lesson(s)", result.StandardOutput);
        var first = result.StandardOutput.IndexOf("00-first: 00. レッスン first", StringComparison.Ordinal);
        var fourth = result.StandardOutput.IndexOf("03-fourth: 03. レッスン fourth", StringComparison.Ordinal);
        Assert.True(first >= 0 && fourth > first, result.StandardOutput);
        Assert.DoesNotContain("01-second", result.StandardOutput);
        Assert.Contains("2 lesson(s), 2 cell(s): 2 ok, 0 failed", result.StandardOutput);
        Assert.Equal(["00-first.ipynb", "03-fourth.ipynb"], Directory.GetFiles(Path.Combine(output, "notebooks")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("02", "(there are 00, 01, 03)")]
    [InlineData("00,9", "there is no lesson 9")]
    [InlineData("first", "not 'first'")]
    [InlineData(",", "at least one lesson number")]
    public async Task Only_refuses_a_number_no_lesson_has_or_a_word_with_exit_code_2(string only, string message)
    {
        var result = await ProcessRunner.WorkshopAsync(_notebooks, TimeSpan.FromMinutes(1), "run", "--runtime", "simulated", "--notebooks", _notebooks, "--out", Path.Combine(_notebooks, "out"), "--only", only);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError);
        Assert.DoesNotContain("cell 1/1", result.StandardOutput);
    }

    public void Dispose() => Directory.Delete(_notebooks, recursive: true);
}
