using System.Text;
using System.Text.RegularExpressions;
using EcsWorkshop.Lessons.Exercises;
using EcsWorkshop.Lessons.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EcsWorkshop.Lessons.Apps;

/// <summary>
/// Turns a lesson into a .NET 10 file-based app (<c>dotnet run notebooks/apps/NN-name.cs</c>): the path that keeps
/// working without Polyglot Notebooks. The setup cell becomes <c>#:project</c> on the helper project, Markdown
/// cells become comments, code cells follow in order; what only a notebook understands is translated (a cell's
/// trailing expression and <c>display(...)</c> print the value, an exercise holds its model answer, <c>#r "nuget: X, 1.0"</c> becomes
/// <c>#:package X@1.0</c>) or kept as a comment that says why.
/// </summary>
public static partial class FileBasedApp
{
    /// <summary>The folder, inside the notebooks folder, that holds the generated apps.</summary>
    public const string FolderName = "apps";

    [GeneratedRegex(@"^\s*#r\s+""nuget:\s*(?<name>[^,""\s]+)\s*(?:,\s*(?<version>[^""\s]+))?\s*""\s*$")]
    private static partial Regex NugetReference();

    [GeneratedRegex(@"^\s*#(?:!|r\s|i\s|load\s)")]
    private static partial Regex NotebookOnlyLine();

    [GeneratedRegex(@"\bdisplay\s*\(")]
    private static partial Regex DisplayCall();

    /// <summary>
    /// How an app prints what a notebook would display: the plain-text formatters the helper library registers
    /// (Microsoft.DotNet.Interactive.Formatting, which the library brings along), as a notebook's text output shows it.
    /// </summary>
    public const string DisplayAsText = "Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, \"text/plain\")";

    /// <summary>
    /// The lesson's folder, computed in the app at run time from where its source file is (.NET 10 file-based apps
    /// know it as <c>EntryPointFileDirectoryPath</c>), so the cells' relative paths work from any current directory.
    /// </summary>
    public const string WorkingDirectoryExpression =
        "System.IO.Path.GetFullPath(System.IO.Path.Combine((string)AppContext.GetData(\"EntryPointFileDirectoryPath\")!, \"..\"))";

    /// <summary>Where a lesson's app goes.</summary>
    public static string PathFor(Lesson lesson) => Path.Combine(lesson.Folder, FolderName, lesson.Name + ".cs");

    /// <summary>The app's source text for a lesson, given the setup script's helper project and namespaces.</summary>
    public static string Generate(Lesson lesson, LessonSetup setup, string repositoryRoot)
    {
        var appFolder = Path.GetDirectoryName(PathFor(lesson))!;
        var project = Path.GetRelativePath(appFolder, Path.Combine(repositoryRoot, setup.HelperProject)).Replace('\\', '/');
        var packages = new List<string>();
        var usings = new List<string>(setup.Usings);
        var body = new StringBuilder();
        var types = new StringBuilder();
        var codeNumber = 0;
        var exercises = ModelAnswers.Find(lesson.Notebook);
        foreach (var cell in lesson.Notebook.Cells)
        {
            body.Append('\n');
            if (cell is MarkdownCell markdown)
            {
                body.Append(Comment(markdown.Source.TrimEnd()));
                continue;
            }
            var code = (CodeCell)cell;
            codeNumber++;
            if (LessonSetup.IsSetupCell(code))
            {
                body.Append($"// ── セル {codeNumber}（セットアップ） ──\n");
                body.Append("// ノートブックではこのセルが notebooks/setup.csx でヘルパーライブラリをビルドし、読み込みます。\n");
                body.Append("// このアプリでは、ファイルの先頭の `#:project` が同じライブラリを参照し、`dotnet run` がいっしょにビルドします。\n");
                continue;
            }
            var source = code.Source;
            if (exercises.FirstOrDefault(e => ReferenceEquals(e.Cell, code)) is { } exercise)
            {
                body.Append($"// ── セル {codeNumber}（演習） ──\n");
                body.Append("// ノートブックでは自分で書くセルです。アプリには模範解答が入っています。自分の答えに書き換えて試してください。\n");
                source = exercise.ModelAnswer;
            }
            else
            {
                body.Append($"// ── セル {codeNumber} ──\n");
            }
            var translated = Translate(source, packages);
            var (statements, cellUsings, cellTypes) = Split(translated);
            foreach (var directive in cellUsings.Where(u => !usings.Contains(u))) usings.Add(directive);
            body.Append(statements.Trim('\n')).Append('\n');
            if (cellTypes.Length > 0) types.Append('\n').Append(cellTypes.Trim('\n')).Append('\n');
        }

        var app = new StringBuilder();
        app.Append($"// {lesson.Name}.cs: notebooks/{lesson.Name}.ipynb から `workshop export-apps` で生成したファイルです。\n");
        app.Append("// 手で直さずに、ノートブックを直してから生成し直してください（dotnet run --project src/EcsWorkshop.Cli -- export-apps）。\n");
        app.Append("// 実行: レッスンの順に、リポジトリのルートで次のように実行します（シミュレーターは動いているものを使い、なければアプリの中で起動します）。\n");
        app.Append($"//   dotnet run notebooks/{FolderName}/{lesson.Name}.cs\n");
        app.Append($"#:project {project}\n");
        app.Append("#:property PublishAot=false\n");
        foreach (var package in packages.Distinct()) app.Append($"#:package {package}\n");
        app.Append('\n');
        foreach (var directive in usings) app.Append(directive).Append('\n');
        app.Append('\n');
        app.Append("// ノートブックと同じく、レッスンのフォルダー (このファイルの 1 つ上) を作業フォルダーにします。セルの相対パスはそこから数えます。\n");
        app.Append($"{nameof(Environment)}.CurrentDirectory = {WorkingDirectoryExpression};\n");
        app.Append(body);
        if (DisplayCall().IsMatch(body.ToString()))
        {
            app.Append("\n// ノートブックの display(...) と、セルの最後の式の値の表示の代わりです。ノートブックと同じ書式 (text/plain) で表示します。\n");
            app.Append($"static void display(object? value) => Console.WriteLine({DisplayAsText});\n");
        }
        app.Append(types);
        return app.ToString();
    }

    /// <summary>Notebook-only lines become comments (and <c>#r "nuget:..."</c> a <c>#:package</c> directive).</summary>
    private static string Translate(string source, List<string> packages)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n').Select(line =>
        {
            if (NugetReference().Match(line) is { Success: true } nuget)
            {
                var name = nuget.Groups["name"].Value;
                packages.Add(nuget.Groups["version"].Success ? $"{name}@{nuget.Groups["version"].Value}" : name);
                return $"// {line.Trim()}: アプリでは先頭の #:package で参照します。";
            }
            return NotebookOnlyLine().IsMatch(line) ? $"// {line.Trim()}: ノートブック専用の命令なので、アプリでは実行しません。" : line;
        });
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Splits a cell's code into its statements, its <c>using</c> directives (they go to the top of the file) and its
    /// type declarations (they go to the end, after the top-level statements). A trailing expression, which a notebook
    /// displays, is wrapped in <c>display(...)</c>.
    /// </summary>
    private static (string Statements, IReadOnlyList<string> Usings, string Types) Split(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var edits = new List<(TextSpanEdit Edit, string Text)>();
        var usings = root.Usings.Select(u => u.ToString().Trim()).ToList();
        foreach (var directive in root.Usings) edits.Add((new TextSpanEdit(directive.Span.Start, directive.FullSpan.End), ""));
        var types = new StringBuilder();
        foreach (var member in root.Members.Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax))
        {
            types.Append(member.ToFullString().Trim('\n')).Append('\n');
            edits.Add((new TextSpanEdit(member.FullSpan.Start, member.FullSpan.End), ""));
        }
        if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
            edits.Add((new TextSpanEdit(last.Span.Start, last.Span.End), $"display({last.Expression});"));

        var text = code;
        foreach (var (edit, replacement) in edits.OrderByDescending(e => e.Edit.Start))
            text = text[..edit.Start] + replacement + text[edit.End..];
        return (text, usings, types.ToString());
    }

    private static string Comment(string markdown) =>
        string.Concat(markdown.Replace("\r\n", "\n").Split('\n').Select(line => line.Length == 0 ? "//\n" : $"// {line}\n"));

    private readonly record struct TextSpanEdit(int Start, int End);
}
