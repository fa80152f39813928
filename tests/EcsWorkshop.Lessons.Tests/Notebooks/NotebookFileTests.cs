using System.Collections.Immutable;
using System.Text.Json;
using EcsWorkshop.Lessons.Notebooks;

namespace EcsWorkshop.Lessons.Tests.Notebooks;

/// <summary>Notebooks are read and written in Jupyter's format, with the metadata both front ends accept.</summary>
public sealed class NotebookFileTests
{
    private static readonly Notebook Sample = Notebook.Create([
        Notebook.Markdown("# 見出し\n\n本文です。"),
        Notebook.Code("var x = 1;\nx + 1") with
        {
            ExecutionCount = 1,
            Outputs =
            [
                new StreamOutput(StreamOutput.StandardOutput, "こんにちは\n2 行目\n"),
                new DataOutput(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                    [KeyValuePair.Create("text/html", "<b>2</b>"), KeyValuePair.Create("text/plain", "2")]), IsResult: true),
                new ErrorOutput("System.InvalidOperationException", "失敗しました", ["System.InvalidOperationException: 失敗しました", "   at Submission#3"]),
            ],
        },
    ]);

    [Fact]
    public void A_saved_notebook_reads_back_with_its_cells_outputs_and_Japanese_text()
    {
        var read = NotebookFile.Parse(NotebookFile.Serialize(Sample));

        Assert.Equal(2, read.Cells.Length);
        Assert.Equal("# 見出し\n\n本文です。", Assert.IsType<MarkdownCell>(read.Cells[0]).Source);
        var code = Assert.IsType<CodeCell>(read.Cells[1]);
        Assert.Equal("var x = 1;\nx + 1", code.Source);
        Assert.Equal(1, code.ExecutionCount);
        Assert.Equal(Sample.CodeCells.Single().Outputs[0], code.Outputs[0]);
        Assert.Equal(Sample.CodeCells.Single().Outputs[1] is DataOutput d ? d.Data : null, Assert.IsType<DataOutput>(code.Outputs[1]).Data);
        Assert.True(((DataOutput)code.Outputs[1]).IsResult);
        Assert.Equal("失敗しました", code.Error?.Value);
        Assert.Equal(2, code.Error?.Traceback.Length);
    }

    [Fact]
    public void A_new_notebook_carries_the_kernelspec_language_and_Polyglot_kernel_info()
    {
        var json = JsonDocument.Parse(NotebookFile.Serialize(Sample)).RootElement;

        var metadata = json.GetProperty("metadata");
        Assert.Equal(".net-csharp", metadata.GetProperty("kernelspec").GetProperty("name").GetString());
        Assert.Equal(".NET (C#)", metadata.GetProperty("kernelspec").GetProperty("display_name").GetString());
        Assert.Equal("C#", metadata.GetProperty("kernelspec").GetProperty("language").GetString());
        Assert.Equal("polyglot-notebook", metadata.GetProperty("language_info").GetProperty("name").GetString());
        var kernelInfo = metadata.GetProperty("polyglot_notebook").GetProperty("kernelInfo");
        Assert.Equal("csharp", kernelInfo.GetProperty("defaultKernelName").GetString());
        Assert.Equal("csharp", kernelInfo.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(4, json.GetProperty("nbformat").GetInt32());
    }

    [Fact]
    public void Every_code_cell_is_marked_csharp_for_Polyglot_and_for_dotnet_interactive()
    {
        var cell = JsonDocument.Parse(NotebookFile.Serialize(Sample)).RootElement.GetProperty("cells")[1];

        Assert.Equal("csharp", cell.GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("kernelName").GetString());
        Assert.Equal("csharp", cell.GetProperty("metadata").GetProperty("dotnet_interactive").GetProperty("language").GetString());
    }

    [Fact]
    public void Sources_are_written_as_lines_and_Japanese_is_not_escaped()
    {
        var text = NotebookFile.Serialize(Sample);
        var source = JsonDocument.Parse(text).RootElement.GetProperty("cells")[0].GetProperty("source");

        Assert.Equal(["# 見出し\n", "\n", "本文です。"], source.EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("本文です。", text);
        Assert.EndsWith("}\n", text);
    }

    [Fact]
    public void A_notebook_Jupyter_executed_is_read_with_its_text_images_and_errors()
    {
        const string executed = """
            {"cells":[{"cell_type":"code","execution_count":3,"metadata":{},"source":"display(1)",
              "outputs":[
                {"output_type":"stream","name":"stderr","text":["警告\n","です\n"]},
                {"output_type":"display_data","data":{"image/png":"iVBORw0KGgo=\n","text/plain":["<画像>"]},"metadata":{}},
                {"output_type":"execute_result","execution_count":3,"data":{"application/json":{"a":1}},"metadata":{}},
                {"output_type":"error","ename":"Error","evalue":"compilation error","traceback":[]}]}],
             "metadata":{},"nbformat":4,"nbformat_minor":5}
            """;

        var cell = NotebookFile.Parse(executed).CodeCells.Single();

        Assert.Equal(new StreamOutput("stderr", "警告\nです\n"), cell.Outputs[0]);
        Assert.Equal("iVBORw0KGgo=\n", ((DataOutput)cell.Outputs[1])["image/png"]);
        Assert.Equal("<画像>", ((DataOutput)cell.Outputs[1])["text/plain"]);
        Assert.Equal("{\"a\":1}", ((DataOutput)cell.Outputs[2])["application/json"]);
        Assert.Equal("Error: compilation error", cell.Error?.Text);
    }

    [Fact]
    public void Raw_cells_are_refused_with_an_explanation()
    {
        var error = Assert.Throws<FormatException>(() => NotebookFile.Parse("""{"cells":[{"cell_type":"raw","metadata":{},"source":""}],"metadata":{},"nbformat":4,"nbformat_minor":2}"""));

        Assert.Contains("\"raw\" are not supported", error.Message);
    }
}
