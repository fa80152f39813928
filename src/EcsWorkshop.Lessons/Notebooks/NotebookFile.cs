using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcsWorkshop.Lessons.Notebooks;

/// <summary>Reads and writes notebooks in Jupyter's <c>.ipynb</c> format (nbformat 4).</summary>
public static class NotebookFile
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        // Japanese stays readable in the file (and in diffs) instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads a notebook file.</summary>
    public static Notebook Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new FormatException($"{path} is not a readable notebook: {e.Message}", e);
        }
    }

    /// <summary>Writes a notebook file (UTF-8, Jupyter's layout, a final newline).</summary>
    public static void Save(Notebook notebook, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Serialize(notebook));
    }

    /// <summary>Reads a notebook from its JSON text.</summary>
    public static Notebook Parse(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("a notebook is a JSON object");
        if (root["nbformat"]?.GetValue<int>() is not 4) throw new FormatException("only nbformat 4 notebooks are supported");
        var cells = root["cells"] as JsonArray ?? throw new FormatException("the notebook has no \"cells\" array");
        return new Notebook
        {
            Cells = [.. cells.Select(ReadCell)],
            Metadata = (root["metadata"] as JsonObject)?.DeepClone().AsObject() ?? new JsonObject(),
        };
    }

    /// <summary>The notebook as <c>.ipynb</c> JSON text.</summary>
    public static string Serialize(Notebook notebook)
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray([.. notebook.Cells.Select(WriteCell)]),
            ["metadata"] = notebook.Metadata.DeepClone(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 2,
        };
        return root.ToJsonString(Indented) + "\n";
    }

    private static NotebookCell ReadCell(JsonNode? node)
    {
        var cell = node as JsonObject ?? throw new FormatException("a cell is a JSON object");
        var source = JoinedText(cell["source"]);
        var metadata = (cell["metadata"] as JsonObject)?.DeepClone().AsObject() ?? new JsonObject();
        return cell["cell_type"]?.GetValue<string>() switch
        {
            "markdown" => new MarkdownCell { Source = source, Metadata = metadata },
            "code" => new CodeCell
            {
                Source = source,
                Metadata = metadata,
                ExecutionCount = cell["execution_count"]?.GetValue<int>(),
                Outputs = [.. (cell["outputs"] as JsonArray ?? []).Select(ReadOutput)],
            },
            var other => throw new FormatException($"cells of type \"{other}\" are not supported (only markdown and code)"),
        };
    }

    private static CellOutput ReadOutput(JsonNode? node)
    {
        var output = node as JsonObject ?? throw new FormatException("an output is a JSON object");
        return output["output_type"]?.GetValue<string>() switch
        {
            "stream" => new StreamOutput(output["name"]?.GetValue<string>() ?? StreamOutput.StandardOutput, JoinedText(output["text"])),
            "display_data" => new DataOutput(ReadData(output["data"])),
            "execute_result" => new DataOutput(ReadData(output["data"]), IsResult: true),
            "error" => new ErrorOutput(
                output["ename"]?.GetValue<string>() ?? "Error",
                output["evalue"]?.GetValue<string>() ?? "",
                [.. (output["traceback"] as JsonArray ?? []).Select(t => t?.GetValue<string>() ?? "")]),
            var other => throw new FormatException($"outputs of type \"{other}\" are not supported"),
        };
    }

    private static ImmutableSortedDictionary<string, string> ReadData(JsonNode? node) =>
        (node as JsonObject ?? []).ToImmutableSortedDictionary(
            p => p.Key,
            p => p.Value is JsonArray or JsonValue ? JoinedText(p.Value) : p.Value?.ToJsonString() ?? "",
            StringComparer.Ordinal);

    private static JsonObject WriteCell(NotebookCell cell) => cell switch
    {
        MarkdownCell markdown => new JsonObject
        {
            ["cell_type"] = "markdown",
            ["metadata"] = markdown.Metadata.DeepClone(),
            ["source"] = Lines(markdown.Source),
        },
        CodeCell code => new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = code.ExecutionCount,
            ["metadata"] = code.Metadata.DeepClone(),
            ["outputs"] = new JsonArray([.. code.Outputs.Select(WriteOutput)]),
            ["source"] = Lines(code.Source),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell.GetType().Name, "unknown cell type"),
    };

    private static JsonObject WriteOutput(CellOutput output) => output switch
    {
        StreamOutput stream => new JsonObject { ["name"] = stream.Name, ["output_type"] = "stream", ["text"] = Lines(stream.Text) },
        DataOutput { IsResult: true } result => new JsonObject
        {
            ["data"] = WriteData(result.Data),
            ["execution_count"] = null,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        DataOutput display => new JsonObject { ["data"] = WriteData(display.Data), ["metadata"] = new JsonObject(), ["output_type"] = "display_data" },
        ErrorOutput error => new JsonObject
        {
            ["ename"] = error.Name,
            ["evalue"] = error.Value,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray([.. error.Traceback.Select(t => (JsonNode?)JsonValue.Create(t))]),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "unknown output type"),
    };

    private static JsonObject WriteData(ImmutableSortedDictionary<string, string> data)
    {
        var written = new JsonObject();
        foreach (var (mimeType, value) in data)
            written[mimeType] = IsJson(mimeType) && TryParse(value) is { } json ? json : Lines(value);
        return written;
    }

    private static bool IsJson(string mimeType) => mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal);

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Jupyter's multi-line string: an array of lines, each but the last ending with its newline.</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var next = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..next]);
            start = next;
        }
        return lines;
    }

    private static string JoinedText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray parts => string.Concat(parts.Select(p => p?.GetValue<string>())),
        JsonValue value => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
