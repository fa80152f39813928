using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Classroom;

/// <summary><c>workshop classroom init</c> as a host runs it the day before: a roster and one connection card per learner.</summary>
public sealed partial class ClassroomInitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecs-workshop-init-").FullName;

    private string Room => Path.Combine(_folder, "room");

    [GeneratedRegex("AKIA[A-Z2-7]{16}")]
    private static partial Regex AccessKeyIds();

    [Fact]
    public async Task It_writes_a_roster_of_n_learners_with_unique_12_digit_accounts_and_akia_keys_readable_by_the_host_only()
    {
        var result = await ServedClassroom.WorkshopAsync(_folder, "classroom", "init", "--learners", "12", "--out", "room", "--endpoint", "http://192.0.2.10:4566");

        Assert.True(result.ExitCode == 0, result.Printed);
        var roster = Roster.Read(Path.Combine(Room, "roster.csv"));
        Assert.Equal(12, roster.Learners.Count);
        Assert.Equal(12, roster.Learners.Select(l => l.AccountId).Distinct().Count());
        Assert.All(roster.Learners, l => Assert.Matches("^[0-9]{12}$", l.AccountId));
        Assert.All(roster.Learners, l => Assert.Matches("^AKIA[A-Z2-7]{16}$", l.AccessKeyId));
        Assert.Equal(12, roster.Learners.Select(l => l.AccessKeyId).Distinct().Count());
        Assert.Equal("learner01", roster.Learners[0].Name);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Room, "roster.csv")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Room, "cards", "learner01.html")));
        }
        Assert.Contains("workshop serve --classroom room/roster.csv --host 0.0.0.0", result.Output);
        Assert.Contains("⚠ --host 0.0.0.0 は、ポート 4566 をこのマシンのすべてのネットワーク (LAN) に開きます", result.Output);
        Assert.DoesNotContain(roster.Learners[0].SecretAccessKey, result.Printed);
    }

    [Fact]
    public async Task Each_card_holds_its_learners_keys_and_the_two_lines_and_no_one_elses_keys()
    {
        var result = await ServedClassroom.WorkshopAsync(_folder, "classroom", "init", "--learners", "3", "--out", "room", "--endpoint", "http://192.0.2.10:4566");
        Assert.True(result.ExitCode == 0, result.Printed);
        var roster = Roster.Read(Path.Combine(Room, "roster.csv"));

        foreach (var learner in roster.Learners)
        {
            foreach (var card in new[] { File.ReadAllText(Path.Combine(Room, "cards", learner.Name + ".md")), File.ReadAllText(Path.Combine(Room, "cards", learner.Name + ".html")) })
            {
                Assert.Contains(learner.AccountId, card);
                Assert.Contains("export ECS_WORKSHOP_ENDPOINT=http://192.0.2.10:4566", card);
                Assert.Contains($"export ECS_WORKSHOP_CREDENTIALS={learner.AccessKeyId}:{learner.SecretAccessKey}", card);
                var quote = card.StartsWith("<!DOCTYPE", StringComparison.Ordinal) ? "&quot;" : "\"";
                Assert.Contains($"$env:ECS_WORKSHOP_CREDENTIALS={quote}{learner.AccessKeyId}:{learner.SecretAccessKey}{quote}", card);
                Assert.Contains("aws configure set aws_access_key_id " + learner.AccessKeyId + " --profile workshop", card);
                Assert.Contains("--endpoint-url http://192.0.2.10:4566", card);
                Assert.Equal([learner.AccessKeyId], AccessKeyIds().Matches(card).Select(m => m.Value).Distinct());
                foreach (var other in roster.Learners.Where(o => o != learner))
                {
                    Assert.DoesNotContain(other.SecretAccessKey, card);
                    Assert.DoesNotContain(other.AccountId, card);
                }
            }
        }
        var all = File.ReadAllText(Path.Combine(Room, "cards", "all.html"));
        Assert.Equal(3, Regex.Matches(all, "<section class=\"card\"").Count);
    }

    [Fact]
    public async Task A_card_prints_on_one_a4_page_in_chromium_and_all_html_on_one_page_per_learner()
    {
        var result = await ServedClassroom.WorkshopAsync(_folder, "classroom", "init", "--learners", "3", "--out", "room");
        Assert.True(result.ExitCode == 0, result.Printed);

        var one = await PrintedPagesAsync(Path.Combine(Room, "cards", "learner01.html"));
        var all = await PrintedPagesAsync(Path.Combine(Room, "cards", "all.html"));

        Assert.Equal(1, one);
        Assert.Equal(3, all);
    }

    /// <summary>Prints a page to PDF with Debian's chromium (headless, A4 from the page's own @page rule) and counts the pages.</summary>
    private async Task<int> PrintedPagesAsync(string html)
    {
        var pdf = Path.Combine(_folder, Path.GetFileNameWithoutExtension(html) + ".pdf");
        var printed = await ServedClassroom.RunAsync("chromium",
            ["--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={Path.Combine(_folder, "chromium")}", "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri],
            _folder, new Dictionary<string, string>());
        Assert.True(File.Exists(pdf), printed.Printed);
        return PdfPage().Matches(File.ReadAllText(pdf, System.Text.Encoding.Latin1)).Count;
    }

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();

    [Fact]
    public async Task Without_an_endpoint_the_card_names_this_machine_and_asks_the_host_to_announce_the_address()
    {
        var result = await ServedClassroom.WorkshopAsync(_folder, "classroom", "init", "--learners", "1", "--out", "room");

        Assert.True(result.ExitCode == 0, result.Printed);
        var card = File.ReadAllText(Path.Combine(Room, "cards", "learner01.md"));
        Assert.Contains($"export ECS_WORKSHOP_ENDPOINT=http://{System.Net.Dns.GetHostName()}:4566", card);
        Assert.Contains("主催者が正しいアドレスを知らせたら", card);
    }

    [Fact]
    public async Task An_existing_roster_is_kept_unless_force_is_given()
    {
        var first = await ServedClassroom.WorkshopAsync(_folder, "classroom", "init", "--learners", "2", "--out", "room");
        Assert.True(first.ExitCode == 0, first.Printed);
        var before = File.ReadAllText(Path.Combine(Room, "roster.csv"));

        var refused = await ServedClassroom.WorkshopAsync(_folder, "classroom", "init", "--learners", "2", "--out", "room");
        var kept = File.ReadAllText(Path.Combine(Room, "roster.csv"));
        var forced = await ServedClassroom.WorkshopAsync(_folder, "classroom", "init", "--learners", "1", "--out", "room", "--force");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.Equal(before, kept);
        Assert.True(forced.ExitCode == 0, forced.Printed);
        Assert.Single(Roster.Read(Path.Combine(Room, "roster.csv")).Learners);
        Assert.False(File.Exists(Path.Combine(Room, "cards", "learner02.html")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    public async Task A_learner_count_outside_1_to_500_is_refused_and_writes_nothing(string count)
    {
        var result = await ServedClassroom.WorkshopAsync(_folder, "classroom", "init", "--learners", count, "--out", "room");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--learners は 1 から 500", result.Error);
        Assert.False(Directory.Exists(Room));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
