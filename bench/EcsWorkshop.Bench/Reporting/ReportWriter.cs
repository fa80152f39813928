using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcsWorkshop.Bench.Reporting;

/// <summary>Renders a report as Markdown (for people and the console) and JSON (for tools), and writes both files.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <c>NAME.md</c> and <c>NAME.json</c> into <paramref name="directory"/>; returns the two paths.</summary>
    public static (string Markdown, string Json) Write(BenchReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var markdown = Path.Combine(directory, report.Name + ".md");
        var json = Path.Combine(directory, report.Name + ".json");
        File.WriteAllText(markdown, ToMarkdown(report));
        File.WriteAllText(json, ToJson(report).ToJsonString(Indented) + "\n");
        return (markdown, json);
    }

    /// <summary>The report as Markdown: title, what it measures, each table, then the notes and the machine.</summary>
    public static string ToMarkdown(BenchReport report)
    {
        var text = new StringBuilder();
        text.Append("## ").AppendLine(report.Title).AppendLine();
        text.AppendLine(report.Measures).AppendLine();
        foreach (var table in report.Tables)
        {
            text.Append("### ").AppendLine(table.Title).AppendLine();
            text.Append("| ").AppendJoin(" | ", table.Columns).AppendLine(" |");
            text.Append('|').AppendJoin("", table.Columns.Select(_ => " --- |")).AppendLine();
            foreach (var row in table.Rows) text.Append("| ").AppendJoin(" | ", row.Select(Format)).AppendLine(" |");
            text.AppendLine();
        }
        foreach (var note in report.Notes) text.Append("- ").AppendLine(note);
        if (report.Conditions is { } c)
        {
            text.Append("- Machine: ").Append(c.Cores).Append(" cores, ").Append(c.OperatingSystem).Append(", ").Append(c.Runtime)
                .Append(", ").Append(c.BuildConfiguration).Append(" build; load average ").Append(c.LoadAverageAtStart)
                .Append(" at the start, ").Append(c.LoadAverageAtEnd).Append(" at the end; ran ")
                .Append(c.StartedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append(" for ")
                .Append(c.ElapsedSeconds.ToString("0.#", CultureInfo.InvariantCulture)).AppendLine(" s.");
        }
        return text.ToString();
    }

    /// <summary>The report as JSON: the same tables, each row an object of column name to value.</summary>
    public static JsonObject ToJson(BenchReport report)
    {
        var tables = new JsonArray();
        foreach (var table in report.Tables)
        {
            var rows = new JsonArray();
            foreach (var row in table.Rows)
            {
                var item = new JsonObject();
                for (var i = 0; i < table.Columns.Count; i++) item[table.Columns[i]] = JsonValueOf(row[i]);
                rows.Add(item);
            }
            tables.Add(new JsonObject { ["title"] = table.Title, ["columns"] = new JsonArray([.. table.Columns.Select(c => JsonValue.Create(c))]), ["rows"] = rows });
        }
        var json = new JsonObject
        {
            ["name"] = report.Name,
            ["title"] = report.Title,
            ["measures"] = report.Measures,
            ["tables"] = tables,
            ["notes"] = new JsonArray([.. report.Notes.Select(n => JsonValue.Create(n))]),
        };
        if (report.Conditions is { } c) json["conditions"] = JsonSerializer.SerializeToNode(c, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return json;
    }

    /// <summary>A value as the Markdown shows it: integers with thousands separators, other numbers to 3 significant places or so.</summary>
    public static string Format(object? value) => value switch
    {
        null => "—",
        int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture),
        double d when double.IsNaN(d) => "—",
        double d => Math.Abs(d) switch
        {
            >= 1000 => d.ToString("N0", CultureInfo.InvariantCulture),
            >= 100 => d.ToString("0", CultureInfo.InvariantCulture),
            >= 10 => d.ToString("0.0", CultureInfo.InvariantCulture),
            >= 0.1 => d.ToString("0.00", CultureInfo.InvariantCulture),
            0 => "0",
            _ => d.ToString("0.000", CultureInfo.InvariantCulture),
        },
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static JsonNode? JsonValueOf(object? value) => value switch
    {
        null => null,
        double d when double.IsNaN(d) || double.IsInfinity(d) => null,
        double d => JsonValue.Create(Math.Round(d, 4)),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
