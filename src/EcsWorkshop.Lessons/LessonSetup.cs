using System.Collections.Immutable;
using System.Text.RegularExpressions;
using EcsWorkshop.Lessons.Notebooks;

namespace EcsWorkshop.Lessons;

/// <summary>
/// How a lesson gets the helper library. Its first code cell runs two lines:
/// <c>#load "setup.csx"</c> builds the helper project when its sources changed (into <c>artifacts/lesson-library/</c>)
/// and writes <c>load.dib</c> there; <c>#!import ../artifacts/lesson-library/load.dib</c> then references the built
/// assemblies and opens the helper library's namespaces for the rest of the lesson. (The build is not done inside
/// the import because <c>#!import</c> does not report a failing imported cell.) The helper project and its
/// namespaces are named once, by <c>Project</c> and <c>Namespaces</c> in <c>setup.csx</c>; the file-based apps
/// reference the same project with <c>#:project</c> and open the same namespaces.
/// </summary>
public sealed partial record LessonSetup(string HelperProject, ImmutableArray<string> Usings)
{
    /// <summary>The setup script's file name, next to the lessons.</summary>
    public const string FileName = "setup.csx";

    /// <summary>The first line of a setup cell: build the helper library if needed.</summary>
    public const string LoadCommand = "#load \"" + FileName + "\"";

    /// <summary>The second line of a setup cell: reference the library and open its namespaces.</summary>
    public const string ImportCommand = "#!import ../artifacts/lesson-library/load.dib";

    /// <summary>A complete setup cell, with the Japanese comment that says what it does.</summary>
    public const string Cell = """
        // ヘルパーライブラリを準備して読み込みます（中身は notebooks/setup.csx です）。
        // 初めて実行するときはビルドするので 1 分ほどかかります。2 回目からはすぐに終わります。
        #load "setup.csx"
        #!import ../artifacts/lesson-library/load.dib
        """;

    /// <summary>
    /// The environment variable that tells a lesson where the simulator listens (<c>http://127.0.0.1:PORT</c>);
    /// <c>workshop run</c> sets it. Without it lessons use <c>workshop serve</c>'s default address.
    /// </summary>
    public const string EndpointVariable = "ECS_WORKSHOP_ENDPOINT";

    /// <summary>
    /// The environment variable that gives labels (<c>key=value</c>, comma-separated) for every image a lesson builds
    /// with Docker; <c>workshop run</c> sets it so that it can remove what the lessons built. The helper library reads
    /// it as <c>WorkshopOptions.DockerLabels</c>' default (<c>WorkshopOptions.DockerLabelsVariable</c>).
    /// </summary>
    public const string DockerLabelsVariable = "ECS_WORKSHOP_DOCKER_LABELS";

    [GeneratedRegex(@"const\s+string\s+Project\s*=\s*""(?<path>[^""]+)""")]
    private static partial Regex ProjectConstant();

    [GeneratedRegex(@"Namespaces\s*=\s*\[(?<names>[^\]]*)\]")]
    private static partial Regex NamespacesField();

    [GeneratedRegex(@"""(?<name>[A-Za-z_][\w.]*)""")]
    private static partial Regex StringLiteral();

    /// <summary>Reads the setup script next to the lessons.</summary>
    public static LessonSetup Load(string notebooksFolder)
    {
        var path = Path.Combine(notebooksFolder, FileName);
        var script = File.ReadAllText(path);
        var project = ProjectConstant().Match(script);
        if (!project.Success) throw new FormatException($"{path} names no helper project (const string Project = \"...\").");
        var namespaces = NamespacesField().Match(script);
        if (!namespaces.Success) throw new FormatException($"{path} lists no namespaces (Namespaces = [\"...\"]).");
        return new LessonSetup(project.Groups["path"].Value,
            [.. StringLiteral().Matches(namespaces.Groups["names"].Value).Select(m => $"using {m.Groups["name"].Value};")]);
    }

    /// <summary>Whether a code cell is a setup cell (it loads the setup script and imports what it wrote).</summary>
    public static bool IsSetupCell(CodeCell cell)
    {
        var lines = cell.Source.Split('\n').Select(line => line.Trim()).ToList();
        return lines.Contains(LoadCommand) && lines.Contains(ImportCommand);
    }
}
