using EcsWorkshop.Lessons.Tests.Support;
using EcsWorkshop.TestSupport;

namespace EcsWorkshop.Lessons.Tests.Repository;

/// <summary>
/// The diagrams as a browser draws them (headless chromium, the Japanese fonts of the machine): no label runs out of
/// the picture or past the right edge of the box it starts in, so a longer term (タスクの必要数) is caught where it
/// would be clipped or overlap.
/// </summary>
public sealed class DiagramLayoutTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecs-workshop-diagrams-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // For each <text>: outside the viewBox, or beyond the right or left edge of the smallest <rect> holding its anchor point.
    private const string TextOutsideItsBox = """
        const out = [];
        for (const holder of document.querySelectorAll('div[data-file]')) {
          const svg = holder.querySelector('svg');
          const box = svg.viewBox.baseVal;
          const rects = [...svg.querySelectorAll('rect')].map(r => r.getBBox()).filter(b => !(b.x == 0 && b.y == 0 && b.width == box.width));
          for (const text of svg.querySelectorAll('text')) {
            const b = text.getBBox();
            if (b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5 || b.y < box.y - 0.5 || b.y + b.height > box.y + box.height + 0.5)
              out.push(`${holder.dataset.file}: outside the picture: ${text.textContent}`);
            const x = text.x.baseVal.length ? text.x.baseVal[0].value : 0, y = text.y.baseVal.length ? text.y.baseVal[0].value : 0;
            const around = rects.filter(r => x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height)
              .sort((p, q) => p.width * p.height - q.width * q.height)[0];
            if (around && (b.x < around.x - 1 || b.x + b.width > around.x + around.width + 1))
              out.push(`${holder.dataset.file}: ${Math.round(Math.max(b.x + b.width - around.x - around.width, around.x - b.x))}px past its box: ${text.textContent}`);
          }
        }
        return out;
        """;

    [Fact]
    public void No_label_of_any_diagram_runs_out_of_its_box_or_the_picture()
    {
        var files = Directory.GetFiles(RepositoryRoot.File("images"), "*.svg").Order(StringComparer.Ordinal).ToList();
        var page = Path.Combine(_folder, "diagrams.html");
        File.WriteAllText(page, "<!DOCTYPE html><html lang=\"ja\"><meta charset=\"utf-8\"><body>"
            + string.Concat(files.Select(f => $"<div data-file=\"{Path.GetFileName(f)}\">{File.ReadAllText(f)}</div>")) + "</body></html>");

        using var browser = HeadlessChromium.Start(900, 900);
        browser.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        var outside = browser.Strings(TextOutsideItsBox);

        Assert.NotEmpty(files);
        Assert.Empty(outside);
    }
}
