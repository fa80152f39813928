using EcsWorkshop.Lessons.Apps;
using EcsWorkshop.Lessons.Notebooks;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Apps;

/// <summary>How a lesson's cells become a file-based app.</summary>
public sealed class FileBasedAppTranslationTests
{
    private static readonly LessonSetup Setup = new("src/EcsWorkshop.Simulator/EcsWorkshop.Simulator.csproj", ["using EcsWorkshop.Simulator.Hosting;"]);

    private static string Generate(params NotebookCell[] cells) =>
        FileBasedApp.Generate(new Lesson(Path.Combine(RepositoryRoot.Notebooks, "07-sample.ipynb"), Notebook.Create(cells)), Setup, RepositoryRoot.Path);

    private static string[] Lines(string app) => app.Split('\n');

    [Fact]
    public void The_setup_cell_becomes_a_project_reference_to_the_helper_project()
    {
        var app = Generate(Notebook.Code(LessonSetup.Cell));

        Assert.Contains("#:project ../../src/EcsWorkshop.Simulator/EcsWorkshop.Simulator.csproj", Lines(app));
        Assert.Contains("#:property PublishAot=false", Lines(app));
        Assert.DoesNotContain(Lines(app), line => line.StartsWith("#!", StringComparison.Ordinal));
        Assert.Contains("// ── セル 1（セットアップ） ──", Lines(app));
    }

    [Fact]
    public void Markdown_cells_become_comments_in_place()
    {
        var app = Generate(Notebook.Markdown("# 題名\n\n説明です。"), Notebook.Code("var a = 1;"));

        Assert.Contains("// # 題名\n//\n// 説明です。\n", app);
        Assert.True(app.IndexOf("// 説明です。", StringComparison.Ordinal) < app.IndexOf("var a = 1;", StringComparison.Ordinal));
    }

    [Fact]
    public void Using_directives_move_to_the_top_after_the_setup_namespaces_without_repeats()
    {
        var app = Generate(Notebook.Code("// 文字列を組み立てます\nusing System.Text;\nvar b = new StringBuilder();"), Notebook.Code("using System.Text;\nb.Append('x');"));

        var lines = Lines(app);
        Assert.Equal(1, lines.Count(l => l == "using System.Text;"));
        Assert.True(Array.IndexOf(lines, "using EcsWorkshop.Simulator.Hosting;") < Array.IndexOf(lines, "using System.Text;"));
        Assert.True(Array.IndexOf(lines, "using System.Text;") < Array.IndexOf(lines, "var b = new StringBuilder();"));
        Assert.Contains("// 文字列を組み立てます", lines);
    }

    [Fact]
    public void A_trailing_expression_is_displayed_as_the_notebook_displays_it()
    {
        var app = Generate(Notebook.Code("var x = 41;\nx + 1"));

        Assert.Contains("display(x + 1);", Lines(app));
        Assert.Contains($"static void display(object? value) => Console.WriteLine({FileBasedApp.DisplayAsText});", Lines(app));
    }

    [Fact]
    public void A_cell_ending_with_a_statement_is_left_as_it_is()
    {
        var app = Generate(Notebook.Code("Console.WriteLine(1);"));

        Assert.Contains("Console.WriteLine(1);", Lines(app));
        Assert.DoesNotContain("static void display", app);
    }

    [Fact]
    public void A_nuget_reference_becomes_a_package_directive()
    {
        var app = Generate(Notebook.Code("#r \"nuget: Humanizer.Core, 2.14.1\"\nConsole.WriteLine(1);"));

        Assert.Contains("#:package Humanizer.Core@2.14.1", Lines(app));
        Assert.Contains(Lines(app), line => line.StartsWith("// #r \"nuget: Humanizer.Core, 2.14.1\": ", StringComparison.Ordinal));
    }

    [Fact]
    public void Notebook_only_magic_commands_are_kept_as_comments_that_say_so()
    {
        var app = Generate(Notebook.Code("#!who\nConsole.WriteLine(1);"));

        Assert.Contains("// #!who: ノートブック専用の命令なので、アプリでは実行しません。", Lines(app));
    }

    [Fact]
    public void Type_declarations_move_after_the_top_level_statements()
    {
        var app = Generate(Notebook.Code("record Point(int X, int Y);\nvar p = new Point(1, 2);"), Notebook.Code("Console.WriteLine(p);"));

        Assert.True(app.IndexOf("Console.WriteLine(p);", StringComparison.Ordinal) < app.IndexOf("record Point(int X, int Y);", StringComparison.Ordinal));
        Assert.Contains("var p = new Point(1, 2);", Lines(app));
    }

    [Fact]
    public void An_exercise_cell_holds_its_model_answer_and_says_so()
    {
        var app = Generate(
            Notebook.Code("// 演習 1: 数を書きます\nvar answer = 0; // ← ここに書きます"),
            Notebook.Markdown("<details><summary>模範解答</summary>\n\n```csharp\n// 演習 1: 数を書きます\nvar answer = 42;\n```\n\n</details>"));

        Assert.Contains("var answer = 42;", Lines(app));
        Assert.DoesNotContain("var answer = 0; // ← ここに書きます", Lines(app));
        Assert.Contains("// ── セル 1（演習） ──", Lines(app));
    }

    [Fact]
    public void The_app_works_in_the_lessons_folder_wherever_it_is_started_from()
    {
        var app = Generate(Notebook.Code("var text = File.ReadAllText(\"../samples/web/Dockerfile\");"));

        Assert.Contains($"Environment.CurrentDirectory = {FileBasedApp.WorkingDirectoryExpression};", Lines(app));
        Assert.True(app.IndexOf("Environment.CurrentDirectory", StringComparison.Ordinal) < app.IndexOf("var text", StringComparison.Ordinal));
    }
}
