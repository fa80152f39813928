using System.Text;
using EcsWorkshop.Lessons.Tests.Terms;

namespace EcsWorkshop.Lessons.Tests.Terms;

/// <summary>The banned-variant scan reads what a learner reads, and points at the line to edit.</summary>
public sealed class LearnerFacingTextTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ecs-workshop-terms-").FullName;

    private static readonly BannedTerm[] Banned = [new("希望タスク数", "タスクの必要数"), new("断ります", "拒否されます")];

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string file, string text)
    {
        var path = Path.Combine(_root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return file;
    }

    [Fact]
    public void The_term_list_is_read_from_the_table_under_its_heading()
    {
        var terms = TermList.Parse("# 用語\n\n| a | b |\n| --- | --- |\n| x | y |\n\n## Banned variants\n\n| Banned | Write instead |\n| --- | --- |\n| 希望数 | タスクの必要数 |\n| 断る | 拒否される / エラーになる |\n\n## Later\n\n| z | w |\n");

        Assert.Equal([new BannedTerm("希望数", "タスクの必要数"), new BannedTerm("断る", "拒否される / エラーになる")], terms);
    }

    [Fact]
    public void In_csharp_only_string_literals_count_and_each_is_reported_on_its_own_line()
    {
        var file = Write("src/Card.cs", """"
            // 希望タスク数 in a comment is for developers
            class Card
            {
                string Label = "希望タスク数";
                string Note = $"{1} 件を断ります";
                string Raw = """
                    一行目
                    ECS は希望タスク数を保ちます
                    """;
            }
            """");

        var offences = LearnerFacingText.Offences(_root, file, Banned).Select(o => o.ToString()).ToList();

        Assert.Equal(
        [
            "src/Card.cs:4: 「希望タスク数」 → 「タスクの必要数」",
            "src/Card.cs:5: 「断ります」 → 「拒否されます」",
            "src/Card.cs:8: 「希望タスク数」 → 「タスクの必要数」",
        ], offences);
    }

    [Fact]
    public void In_a_notebook_every_cell_source_counts_with_the_line_of_the_ipynb_file()
    {
        var file = Write("notebooks/00-x.ipynb", """
            {
             "cells": [
              {
               "cell_type": "markdown",
               "metadata": { "note": "希望タスク数 in metadata is not read" },
               "source": [
                "# 見出し\n",
                "サービスは希望タスク数を保ちます。"
               ]
              },
              {
               "cell_type": "code",
               "metadata": {},
               "outputs": [],
               "source": "// ECS は登録を断ります\nvar x = 1;"
              }
             ]
            }
            """);

        var offences = LearnerFacingText.Offences(_root, file, Banned).Select(o => o.ToString()).ToList();

        Assert.Equal(
        [
            "notebooks/00-x.ipynb:8: 「希望タスク数」 → 「タスクの必要数」",
            "notebooks/00-x.ipynb:15: 「断ります」 → 「拒否されます」",
        ], offences);
    }

    [Fact]
    public void Diagrams_and_markdown_pages_count_line_by_line()
    {
        var svg = Write("images/a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<text>希望タスク数: 3</text>\n</svg>\n");
        var page = Write("docs/host-guide.md", "# ガイド\n\nタスクの必要数\n");

        Assert.Equal(["images/a.svg:2: 「希望タスク数」 → 「タスクの必要数」"], LearnerFacingText.Offences(_root, svg, Banned).Select(o => o.ToString()));
        Assert.Empty(LearnerFacingText.Offences(_root, page, Banned));
    }

    [Fact]
    public void The_files_scanned_leave_out_build_output_and_generated_apps()
    {
        Write("notebooks/00-x.ipynb", "{}");
        Write("notebooks/apps/00-x.cs", "class A {}");
        Write("src/EcsWorkshop/Steps/A.cs", "class A {}");
        Write("src/EcsWorkshop/obj/Debug/Generated.cs", "class G {}");
        Write("images/a.svg", "<svg/>");
        Write("docs/host-guide.md", "# g");

        var files = LearnerFacingText.Files(_root);

        Assert.Equal(["docs/host-guide.md", "images/a.svg", "notebooks/00-x.ipynb", "src/EcsWorkshop/Steps/A.cs"], files);
    }
}
