using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Repository;

/// <summary>The reference pages the README links to say what the simulator and <c>workshop serve</c> really do.</summary>
public sealed partial class ReadmeTests
{
    private static readonly MarkdownPage Operations = MarkdownPage.Read(RepositoryRoot.Path, "docs/supported-operations.md");
    private static readonly MarkdownPage Command = MarkdownPage.Read(RepositoryRoot.Path, "docs/workshop-command.md");

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

        var listed = OperationName().Matches(Operations.Section("## Supported operations")).Select(m => m.Groups[1].Value).Distinct().Order().ToList();

        Assert.Equal(served, listed);
    }

    [Fact]
    public async Task The_serve_options_table_matches_what_serve_help_lists()
    {
        var help = await WorkshopProcess.RunAsync("serve", "--help");

        var documented = OptionRow().Matches(Command.Section("## `workshop serve` options")).Select(m => m.Groups[1].Value).Order();
        var offered = HelpOption().Matches(help.StandardOutput).Select(m => m.Groups[1].Value).Order();

        Assert.Equal(offered, documented);
    }
}
