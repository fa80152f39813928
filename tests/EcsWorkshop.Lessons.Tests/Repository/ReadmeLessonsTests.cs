using System.Text.RegularExpressions;
using EcsWorkshop.Lessons.Tests.Support;
using EcsWorkshop.TestSupport;

namespace EcsWorkshop.Lessons.Tests.Repository;

/// <summary>README tells how to run the lessons, and the <c>workshop</c> command's page its options, in agreement with the command itself.</summary>
public sealed partial class ReadmeLessonsTests
{
    private static readonly MarkdownPage Readme = MarkdownPage.Read(RepositoryRoot.Path, "README.md");
    private static readonly MarkdownPage Command = MarkdownPage.Read(RepositoryRoot.Path, "docs/workshop-command.md");

    [GeneratedRegex(@"^\| `(--[a-z-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex OptionRow();

    // An option with a value (`--out <out>`) or a flag (`--as-written`, followed by its description).
    [GeneratedRegex(@"^\s+(--[a-z-]+)(?: <|\s{2,})", RegexOptions.Multiline)]
    private static partial Regex HelpOption();

    [Fact]
    public void The_main_job_is_workshop_run()
    {
        Assert.Contains("    dotnet run --project src/EcsWorkshop.Cli -- run\n", Readme.Text);
    }

    [Fact]
    public async Task The_run_options_table_matches_what_run_help_lists()
    {
        var help = await ProcessRunner.WorkshopAsync(RepositoryRoot.Path, TimeSpan.FromMinutes(1), "run", "--help");

        var documented = OptionRow().Matches(Command.Section("## `workshop run` options")).Select(m => m.Groups[1].Value).Order();
        var offered = HelpOption().Matches(help.StandardOutput).Select(m => m.Groups[1].Value).Order();

        Assert.Equal(offered, documented);
    }

    [Fact]
    public async Task The_doctor_options_table_matches_what_doctor_help_lists()
    {
        var help = await ProcessRunner.WorkshopAsync(RepositoryRoot.Path, TimeSpan.FromMinutes(1), "doctor", "--help");

        var documented = OptionRow().Matches(Command.Section("## `workshop doctor` options")).Select(m => m.Groups[1].Value).Order();
        var offered = HelpOption().Matches(help.StandardOutput).Select(m => m.Groups[1].Value).Order();

        Assert.Equal(offered, documented);
    }

    [Fact]
    public async Task The_classroom_init_options_table_matches_what_classroom_init_help_lists()
    {
        var help = await ProcessRunner.WorkshopAsync(RepositoryRoot.Path, TimeSpan.FromMinutes(1), "classroom", "init", "--help");

        var documented = OptionRow().Matches(Command.Section("## `workshop classroom init` options")).Select(m => m.Groups[1].Value).Order();
        var offered = HelpOption().Matches(help.StandardOutput).Select(m => m.Groups[1].Value).Order();

        Assert.Equal(offered, documented);
    }

    [Theory]
    [InlineData("Polyglot Notebooks")]
    [InlineData("Jupyter")]
    [InlineData("dotnet run notebooks/apps/00-setup.cs")]
    [InlineData(LessonSetup.EndpointVariable)]
    public void The_lessons_section_explains_each_front_end_and_the_endpoint_variable(string words)
    {
        Assert.Contains(words, Readme.Section("## Running the lessons"));
    }
}
