using System.Collections.Immutable;
using System.Text.RegularExpressions;
using EcsWorkshop.Lessons.Notebooks;

namespace EcsWorkshop.Lessons;

/// <summary>
/// How a lesson gets the helper library: its first code cell runs <c>#!import setup.dib</c>, and
/// <c>notebooks/setup.dib</c> builds the helper project when its sources changed (into
/// <c>artifacts/lesson-library/</c>), loads it and opens its namespaces. The helper project is named once, by
/// <c>LessonLibrary.Project</c> in <c>setup.dib</c>; the file-based apps reference the same project with
/// <c>#:project</c> and open the same namespaces.
/// </summary>
public sealed partial record LessonSetup(string HelperProject, ImmutableArray<string> Usings)
{
    /// <summary>The setup script's file name, next to the lessons.</summary>
    public const string FileName = "setup.dib";

    /// <summary>The magic command a lesson's setup cell runs.</summary>
    public const string ImportCommand = "#!import " + FileName;

    /// <summary>
    /// The environment variable that tells a lesson where the simulator listens (<c>http://127.0.0.1:PORT</c>);
    /// <c>workshop run</c> sets it. Without it lessons use <c>workshop serve</c>'s default address.
    /// </summary>
    public const string EndpointVariable = "ECS_WORKSHOP_ENDPOINT";

    [GeneratedRegex(@"const\s+string\s+Project\s*=\s*""(?<path>[^""]+)""")]
    private static partial Regex ProjectConstant();

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?[A-Za-z_][\w.]*(?:\s*=\s*[\w.<>, ]+)?\s*;\s*$", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    /// <summary>Reads the setup script next to the lessons.</summary>
    public static LessonSetup Load(string notebooksFolder)
    {
        var path = Path.Combine(notebooksFolder, FileName);
        var cells = Regex.Split(File.ReadAllText(path), @"^#!csharp\s*$", RegexOptions.Multiline).Skip(1).ToList();
        if (cells.Count == 0) throw new FormatException($"{path} has no #!csharp cell.");
        var project = ProjectConstant().Match(cells[0]);
        if (!project.Success) throw new FormatException($"{path} names no helper project (const string Project = \"...\").");
        // The last cell loads the library and opens the namespaces the lessons use.
        return new LessonSetup(project.Groups["path"].Value, [.. UsingDirective().Matches(cells[^1]).Select(m => m.Value.Trim())]);
    }

    /// <summary>Whether a code cell is a setup cell (it imports the setup script).</summary>
    public static bool IsSetupCell(CodeCell cell) =>
        cell.Source.Split('\n').Any(line => line.Trim() == ImportCommand);
}
