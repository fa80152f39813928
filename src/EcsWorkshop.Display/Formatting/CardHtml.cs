namespace EcsWorkshop.Display.Formatting;

/// <summary>Writes a <see cref="Card"/> as a self-contained, accessible HTML fragment with inline styles.</summary>
internal static class CardHtml
{
    public static void Write(Card card, TextWriter output)
    {
        var html = new HtmlWriter(output);
        html.Open("section", $"ecsws ecsws-{card.Kind}", ("lang", "ja"), ("aria-label", Title(card)));
        html.Open("h4", "ecsws-title").Element("span", "ecsws-kind", card.KindLabel);
        if (card.Name is not null) html.Element("span", "ecsws-name", card.Name);
        if (card.Status is not null) Cell.Status(card.Status).WriteHtml(html);
        html.Close();
        foreach (var block in card.Blocks) WriteBlock(html, block);
        html.Close();
    }

    public static string ToHtml(Card card)
    {
        using var writer = new StringWriter();
        Write(card, writer);
        return writer.ToString();
    }

    private static string Title(Card card) => card.Name is null ? card.KindLabel : $"{card.KindLabel} {card.Name}";

    private static void WriteBlock(HtmlWriter html, Block block)
    {
        switch (block)
        {
            case FieldsBlock fields:
                html.Open("dl", "ecsws-fields");
                foreach (var field in fields.Fields)
                {
                    html.Open("div", "ecsws-field").Element("dt", "ecsws-label", field.Label);
                    html.Open("dd", "ecsws-value");
                    field.Value.WriteHtml(html);
                    html.Close().Close();
                }
                html.Close();
                break;
            case TableBlock table:
                WriteTable(html, table);
                break;
            case NoteBlock note:
                html.Open("div", $"ecsws-note ecsws-note-{note.Kind.ToString().ToLowerInvariant()}", ("role", "note"));
                html.Element("span", "ecsws-note-label", note.Label);
                RichText.WriteHtml(html, note.Text);
                html.Close();
                break;
            case CommandBlock command:
                html.Open("figure", "ecsws-cli").Element("figcaption", "ecsws-cli-caption", command.Caption);
                html.Open("pre", "ecsws-pre").Element("code", "ecsws-pre-code language-bash", command.CommandLine);
                html.Close().Close();
                break;
            case LinksBlock links:
                html.Open("div", "ecsws-note ecsws-note-info", ("role", "note"));
                html.Element("span", "ecsws-note-label", links.Label);
                html.Open("ul", "ecsws-links");
                foreach (var link in links.Links)
                    html.Open("li").Element("a", "ecsws-link", link.Text, ("href", link.Address.AbsoluteUri), ("target", "_blank"), ("rel", "noopener")).Close();
                html.Close().Close();
                break;
            case OriginalBlock original:
                html.Open("figure", "ecsws-cli").Element("figcaption", "ecsws-cli-caption", original.Caption);
                html.Element("pre", "ecsws-original", original.Text, ("lang", "en"));
                html.Close();
                break;
            case HeadingBlock heading:
                html.Open("h5", "ecsws-section");
                RichText.WriteHtml(html, heading.Text);
                html.Close();
                break;
            case RenderedBlock rendered:
                html.Raw(rendered.Html);
                break;
            case DetailsBlock details:
                html.Open("details", "ecsws-details").Element("summary", "ecsws-summary", details.Summary);
                html.Open("div", "ecsws-markdown").Raw(details.Html).Close();
                html.Close();
                break;
            default:
                throw new InvalidOperationException($"No HTML for {block.GetType().Name}.");
        }
    }

    private static void WriteTable(HtmlWriter html, TableBlock table)
    {
        if (table.Rows.IsDefaultOrEmpty)
        {
            html.Element("h5", "ecsws-section", table.Caption);
            html.Element("p", "ecsws-empty", table.EmptyText);
            return;
        }
        html.Open("div", "ecsws-scroll");
        html.Open("table", "ecsws-table").Element("caption", "ecsws-caption", table.Caption);
        html.Open("thead").Open("tr");
        foreach (var header in table.Headers) html.Element("th", "ecsws-th", header, ("scope", "col"));
        html.Close().Close();
        html.Open("tbody");
        foreach (var row in table.Rows)
        {
            html.Open("tr", row.Highlight ? "ecsws-row-highlight" : null, ("aria-current", row.Highlight ? "true" : null));
            foreach (var cell in row.Cells)
            {
                html.Open("td", cell.IsNumeric ? "ecsws-td ecsws-num" : "ecsws-td");
                cell.WriteHtml(html);
                html.Close();
            }
            html.Close();
        }
        html.Close().Close().Close();
    }
}
