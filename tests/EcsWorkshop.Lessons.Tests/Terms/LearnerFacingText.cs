using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace EcsWorkshop.Lessons.Tests.Terms;

/// <summary>A piece of text a learner reads, with the file (relative to the repository root) and line it is on.</summary>
public sealed record TextLine(string File, int Line, string Text);

/// <summary>One use of a banned variant, as the test reports it.</summary>
public sealed record TermOffence(TextLine Where, BannedTerm Term)
{
    public override string ToString() => $"{Where.File}:{Where.Line}: 「{Term.Variant}」 → 「{Term.Instead}」";
}

/// <summary>
/// The text a learner reads in one file, by kind of file: a notebook's cell sources (Markdown and code alike; its
/// outputs are not committed), a C# file's string literals (comments and names are for developers), an SVG's or a
/// Markdown page's every line. Line numbers are the file's own, so a report points at the line to edit.
/// </summary>
public static class LearnerFacingText
{
    /// <summary>The files the workbook's learners and hosts read, relative to <paramref name="root"/>, in order.</summary>
    public static IReadOnlyList<string> Files(string root)
    {
        IEnumerable<string> Under(string folder, string pattern, SearchOption option = SearchOption.AllDirectories) =>
            Directory.Exists(Path.Combine(root, folder))
                ? Directory.EnumerateFiles(Path.Combine(root, folder), pattern, option)
                : [];
        bool Generated(string path) =>
            path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

        var files = Under("notebooks", "*.ipynb", SearchOption.TopDirectoryOnly)
            .Concat(new[] { "src/EcsWorkshop", "src/EcsWorkshop.Display", "src/EcsWorkshop.Cli", "src/EcsWorkshop.Lessons", "src/EcsWorkshop.Classroom" }
                .SelectMany(project => Under(project, "*.cs").Concat(Under(project, "*.md"))))
            .Concat(Under("images", "*.svg", SearchOption.TopDirectoryOnly))
            .Concat(new[] { "README.md", "notebooks/README.md", "images/README.md", "docs/host-guide.md" }
                .Select(page => Path.Combine(root, page)).Where(File.Exists))
            .Where(path => !Generated(Path.GetRelativePath(root, path)));
        return [.. files.Select(path => Path.GetRelativePath(root, path).Replace('\\', '/')).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The learner-facing lines of one file.</summary>
    public static IEnumerable<TextLine> Read(string root, string file)
    {
        var path = Path.Combine(root, file);
        return Path.GetExtension(file) switch
        {
            ".ipynb" => NotebookSources(file, File.ReadAllBytes(path)),
            ".cs" => StringLiterals(file, File.ReadAllText(path)),
            _ => File.ReadAllLines(path).Select((text, i) => new TextLine(file, i + 1, text)),
        };
    }

    /// <summary>Every use of a banned variant in one file.</summary>
    public static IEnumerable<TermOffence> Offences(string root, string file, IReadOnlyList<BannedTerm> terms) =>
        from line in Read(root, file)
        from term in terms
        where line.Text.Contains(term.Variant, StringComparison.Ordinal)
        select new TermOffence(line, term);

    /// <summary>
    /// The strings of every cell's <c>source</c> (a list of lines, or one string), each with the line of the .ipynb
    /// file it is written on.
    /// </summary>
    public static IEnumerable<TextLine> NotebookSources(string file, byte[] json)
    {
        var lines = new List<TextLine>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var inSource = false;
        var sourceDepth = 0;
        var (counted, line) = (0, 1);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                inSource = reader.ValueTextEquals("source");
                sourceDepth = reader.CurrentDepth;
                continue;
            }
            if (!inSource) continue;
            if (reader.TokenType == JsonTokenType.String)
            {
                for (; counted < reader.TokenStartIndex; counted++) if (json[counted] == (byte)'\n') line++;
                var value = reader.GetString() ?? "";
                var parts = value.Split('\n');
                // One string holding several lines (allowed by nbformat) is written on one line of the file.
                lines.AddRange(parts.Where(p => p.Length > 0).Select(p => new TextLine(file, line, p)));
            }
            if (reader.TokenType == JsonTokenType.String && reader.CurrentDepth == sourceDepth) inSource = false;
            if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == sourceDepth) inSource = false;
        }
        return lines;
    }

    /// <summary>The text of every string literal (plain, verbatim, raw, interpolated, UTF-8), line by line.</summary>
    public static IEnumerable<TextLine> StringLiterals(string file, string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview));
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (!IsStringText(token)) continue;
            var text = token.Text;
            var offset = 0;
            foreach (var part in text.Split('\n'))
            {
                var line = tree.GetLineSpan(new TextSpan(token.SpanStart + offset, 0)).StartLinePosition.Line + 1;
                yield return new TextLine(file, line, part.TrimEnd('\r'));
                offset += part.Length + 1;
            }
        }
    }

    private static bool IsStringText(SyntaxToken token) => token.Kind() is
        SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken or
        SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or
        SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken or
        SyntaxKind.InterpolatedStringTextToken or SyntaxKind.CharacterLiteralToken;
}
