using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Repository;

public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryRoot.File("README.md"));

    [GeneratedRegex(@"`([A-Z][A-Za-z]+)`")]
    private static partial Regex OperationName();

    [GeneratedRegex(@"^\| `(--[a-z-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex OptionRow();

    [GeneratedRegex(@"^\s+(--[a-z-]+)(?: <|\s{2,})", RegexOptions.Multiline)]
    private static partial Regex HelpOption();

    [Fact]
    public async Task The_supported_operations_are_exactly_the_ones_the_simulator_serves()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, StateDirectory = null });
        var served = server.Services.SelectMany(s => s.OperationNames).Concat(server.QueryServices.SelectMany(s => s.OperationNames)).Order().ToList();

        var listed = OperationName().Matches(Section("## Supported operations")).Select(m => m.Groups[1].Value).Distinct().Order().ToList();

        Assert.Equal(served, listed);
    }

    [Fact]
    public async Task The_serve_options_table_matches_what_serve_help_lists()
    {
        var help = await WorkshopProcess.RunAsync("serve", "--help");

        var documented = OptionRow().Matches(Section("## `workshop serve` options")).Select(m => m.Groups[1].Value).Order();
        var offered = HelpOption().Matches(help.StandardOutput).Select(m => m.Groups[1].Value).Order();

        Assert.Equal(offered, documented);
    }

    private static string Section(string heading)
    {
        var start = Readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '{heading}' section");
        var end = Readme.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? Readme[start..] : Readme[start..end];
    }
}
