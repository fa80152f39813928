using System.CommandLine;
using EcsWorkshop.Lessons;
using EcsWorkshop.Lessons.Apps;

namespace EcsWorkshop.Cli.Commands;

/// <summary>
/// <c>workshop export-apps</c>: writes every lesson as a .NET file-based app (<c>notebooks/apps/NN-name.cs</c>), or
/// with <c>--check</c> only says whether the committed apps match the lessons.
/// </summary>
public static class ExportAppsCommand
{
    public static Command Create()
    {
        var notebooks = new Option<string?>("--notebooks") { Description = "The folder of the lessons. Default: the repository's notebooks/." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if an app is missing or differs from its lesson." };
        var command = new Command("export-apps", "Write every lesson as a file-based app in notebooks/apps/ (run one with `dotnet run notebooks/apps/NN-name.cs`).")
        {
            notebooks, check,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(notebooks) ?? Path.Combine(RepositoryFolders.FindRoot(Environment.CurrentDirectory) ?? Environment.CurrentDirectory, RepositoryFolders.Notebooks));
            var root = RepositoryFolders.FindRoot(folder);
            if (root is null || !File.Exists(Path.Combine(folder, LessonSetup.FileName)))
            {
                await Console.Error.WriteLineAsync($"{folder} is not the repository's lessons folder (no Workshop.sln above it, or no {LessonSetup.FileName} in it).");
                return 2;
            }
            var setup = LessonSetup.Load(folder);
            var stale = 0;
            foreach (var lesson in Lesson.FindAll(folder))
            {
                var path = FileBasedApp.PathFor(lesson);
                var app = FileBasedApp.Generate(lesson, setup, root);
                var current = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
                if (current == app)
                {
                    Console.WriteLine($"up to date  {Path.GetRelativePath(root, path)}");
                    continue;
                }
                stale++;
                if (parse.GetValue(check))
                {
                    Console.WriteLine($"{(current is null ? "missing" : "differs"),-10}  {Path.GetRelativePath(root, path)}");
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, app, cancellationToken);
                Console.WriteLine($"written     {Path.GetRelativePath(root, path)}");
            }
            return parse.GetValue(check) && stale > 0 ? 1 : 0;
        });
        return command;
    }
}
