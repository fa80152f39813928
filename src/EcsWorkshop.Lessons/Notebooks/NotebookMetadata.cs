using System.Text.Json.Nodes;

namespace EcsWorkshop.Lessons.Notebooks;

/// <summary>
/// The metadata every lesson carries, the one layout that both VS Code's Polyglot Notebooks and Jupyter (with the
/// .NET kernel) open without asking which kernel to use: C# in the <c>.net-csharp</c> kernel.
/// </summary>
public static class NotebookMetadata
{
    /// <summary>The Jupyter kernelspec's name (see <c>jupyter/kernels/.net-csharp/kernel.json</c>).</summary>
    public const string KernelSpecName = ".net-csharp";

    /// <summary>The kernelspec's display name.</summary>
    public const string KernelDisplayName = ".NET (C#)";

    /// <summary>The language the kernelspec declares.</summary>
    public const string KernelLanguage = "C#";

    /// <summary>What Polyglot Notebooks writes as the notebook's language.</summary>
    public const string LanguageInfoName = "polyglot-notebook";

    /// <summary>The .NET Interactive kernel every code cell runs in.</summary>
    public const string CSharpKernelName = "csharp";

    /// <summary>The notebook-level <c>metadata</c> object.</summary>
    public static JsonObject ForNotebook() => new()
    {
        ["kernelspec"] = new JsonObject
        {
            ["display_name"] = KernelDisplayName,
            ["language"] = KernelLanguage,
            ["name"] = KernelSpecName,
        },
        ["language_info"] = new JsonObject { ["name"] = LanguageInfoName },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = CSharpKernelName,
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = CSharpKernelName }),
            },
        },
    };

    /// <summary>A code cell's <c>metadata</c> object.</summary>
    public static JsonObject ForCodeCell() => new()
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = CSharpKernelName },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = CSharpKernelName },
    };

    /// <summary>Whether a notebook's metadata names the C# kernel the way <see cref="ForNotebook"/> does.</summary>
    public static bool IsWorkshopNotebook(JsonObject metadata) =>
        Text(metadata, "kernelspec", "name") == KernelSpecName
        && Text(metadata, "kernelspec", "display_name") == KernelDisplayName
        && Text(metadata, "kernelspec", "language") == KernelLanguage
        && Text(metadata, "language_info", "name") == LanguageInfoName
        && Text(metadata, "polyglot_notebook", "kernelInfo", "defaultKernelName") == CSharpKernelName
        && metadata["polyglot_notebook"]?["kernelInfo"]?["items"] is JsonArray items
        && items.Any(i => i?["name"]?.GetValue<string>() == CSharpKernelName);

    /// <summary>Whether a code cell's metadata puts it in the C# kernel for both front ends.</summary>
    public static bool IsCSharpCell(JsonObject metadata) =>
        Text(metadata, "polyglot_notebook", "kernelName") == CSharpKernelName
        && Text(metadata, "dotnet_interactive", "language") == CSharpKernelName;

    private static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var name in path) node = node is JsonObject o ? o[name] : null;
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
