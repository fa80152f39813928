using System.Text.Json.Nodes;
using EcsWorkshop.Bench.Reporting;

namespace EcsWorkshop.Bench.Tests;

public sealed class ReportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecs-workshop-bench-report-").FullName;

    [Fact]
    public void A_report_is_written_as_a_markdown_table_and_as_json_with_the_exact_numbers()
    {
        var table = new ResultTable("Runs", "Server", "Requests/s").Add("simulator", 1234.5678).Add("moto", 0.04321);
        var report = new BenchReport("sample", "A sample", "What it measures.", [table], ["A note."]);

        var (markdown, json) = ReportWriter.Write(report, _directory);

        var text = File.ReadAllText(markdown);
        Assert.Contains("| Server | Requests/s |", text);
        Assert.Contains("| simulator | 1,235 |", text);
        Assert.Contains("| moto | 0.043 |", text);
        Assert.Contains("- A note.", text);
        var rows = JsonNode.Parse(File.ReadAllText(json))!["tables"]![0]!["rows"]!.AsArray();
        Assert.Equal(1234.5678, rows[0]!["Requests/s"]!.GetValue<double>());
        Assert.Equal("moto", rows[1]!["Server"]!.GetValue<string>());
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_values_is_refused()
    {
        var table = new ResultTable("Runs", "Server", "Requests/s");

        Assert.Throws<ArgumentException>(() => table.Add("simulator"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
