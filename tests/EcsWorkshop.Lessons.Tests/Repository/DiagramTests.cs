using System.Text.RegularExpressions;
using System.Xml.Linq;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Repository;

/// <summary>The diagrams in images/ are self-contained SVG with a Japanese title, and every diagram a lesson shows exists.</summary>
public sealed partial class DiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string ImagesFolder => RepositoryRoot.File("images");

    /// <summary>The SVG files in images/, by file name.</summary>
    public static TheoryData<string> Diagrams =>
        [.. Directory.EnumerateFiles(ImagesFolder, "*.svg").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"!\[[^\]]*\]\(\.\./images/(?<file>[^)\s]+)\)")]
    private static partial Regex ImageReference();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex JapaneseCharacter();

    [GeneratedRegex(@"url\(\s*(?!['""]?#)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    [Fact]
    public void The_images_folder_holds_diagrams()
    {
        Assert.NotEmpty(Diagrams);
    }

    [Theory]
    [MemberData(nameof(Diagrams))]
    public void A_diagram_is_svg_with_a_view_box(string file)
    {
        var root = Load(file).Root!;

        Assert.Equal(Svg + "svg", root.Name);
        var viewBox = (string?)root.Attribute("viewBox");
        Assert.False(string.IsNullOrWhiteSpace(viewBox), $"{file} has no viewBox");
        Assert.Equal(4, viewBox!.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [MemberData(nameof(Diagrams))]
    public void A_diagram_has_a_japanese_title(string file)
    {
        var title = Load(file).Root!.Element(Svg + "title");

        Assert.NotNull(title);
        Assert.False(string.IsNullOrWhiteSpace(title.Value), $"{file} has an empty <title>");
        Assert.Matches(JapaneseCharacter(), title.Value);
    }

    [Theory]
    [MemberData(nameof(Diagrams))]
    public void A_diagram_references_nothing_outside_itself(string file)
    {
        var document = Load(file);
        var elements = document.Descendants().ToList();

        Assert.DoesNotContain(elements, e => e.Name.LocalName is "script" or "image" or "foreignObject");
        var links = elements.SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName == "href").Select(a => a.Value.Trim());
        Assert.All(links, href => Assert.StartsWith("#", href));
        var styles = elements.SelectMany(e => e.Attributes()).Select(a => a.Value)
            .Concat(elements.Where(e => e.Name.LocalName == "style").Select(e => e.Value));
        Assert.All(styles, value =>
        {
            Assert.DoesNotMatch(ExternalUrl(), value);
            Assert.DoesNotContain("@import", value, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [MemberData(nameof(LessonNames))]
    public void Every_image_a_lesson_shows_exists(string lesson)
    {
        var markdown = RepositoryRoot.Lessons.Single(l => l.Name == lesson).Notebook.MarkdownCells.Select(c => c.Source);
        var referenced = markdown.SelectMany(text => ImageReference().Matches(text)).Select(m => m.Groups["file"].Value).Distinct();

        Assert.All(referenced, file => Assert.True(File.Exists(Path.Combine(ImagesFolder, file)), $"{lesson} shows ../images/{file}, which does not exist"));
    }

    /// <summary>The lessons' names, for the image-reference theory.</summary>
    public static TheoryData<string> LessonNames => RepositoryRoot.LessonNames;

    private static XDocument Load(string file) => XDocument.Load(Path.Combine(ImagesFolder, file));

    [Theory]
    [MemberData(nameof(Diagrams))]
    public void Every_diagram_is_shown_by_a_lesson(string file)
    {
        var shownBy = RepositoryRoot.Lessons
            .Where(l => l.Notebook.MarkdownCells.SelectMany(c => ImageReference().Matches(c.Source)).Any(m => m.Groups["file"].Value == file))
            .Select(l => l.Name);

        Assert.NotEmpty(shownBy);
    }
}
