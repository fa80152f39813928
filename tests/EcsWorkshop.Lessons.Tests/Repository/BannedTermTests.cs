using EcsWorkshop.Lessons.Tests.Support;
using EcsWorkshop.Lessons.Tests.Terms;

namespace EcsWorkshop.Lessons.Tests.Repository;

/// <summary>
/// Learner-facing text uses one term per concept, AWS Japan's: no file a learner or host reads uses a variant banned
/// in <c>docs/terms.md</c>. A failure names every offending <c>file:line</c> and the term to write instead.
/// </summary>
public sealed class BannedTermTests
{
    private static IReadOnlyList<BannedTerm> Terms => TermList.FromRepository(RepositoryRoot.Path);

    /// <summary>Every learner-facing file of the repository, relative to its root.</summary>
    public static TheoryData<string> LearnerFacingFiles => [.. LearnerFacingText.Files(RepositoryRoot.Path)];

    [Fact]
    public void The_term_list_bans_the_variants_the_workbook_decided_against_and_names_what_to_write_instead()
    {
        var terms = Terms;

        foreach (var variant in new[] { "希望タスク数", "希望ステータス", "ローリングアップデート", "最小ヘルシー率", "断る", "自己チェック", "サービススケジューラー" })
            Assert.Contains(terms, t => t.Variant == variant);
        Assert.All(terms, t => Assert.False(string.IsNullOrWhiteSpace(t.Instead), $"{t.Variant} has no replacement"));
        Assert.All(terms, t => Assert.DoesNotContain(terms, other => t.Instead.Contains(other.Variant, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_learner_facing_files_are_the_lessons_the_display_strings_the_diagrams_and_the_host_guide()
    {
        var files = LearnerFacingText.Files(RepositoryRoot.Path);

        Assert.Contains("notebooks/00-setup.ipynb", files);
        Assert.Contains("src/EcsWorkshop.Display/Formatting/StatusBadges.cs", files);
        Assert.Contains("src/EcsWorkshop.Display/Explanations/desired-count.md", files);
        Assert.Contains("src/EcsWorkshop/Checks/WorkshopChecks.cs", files);
        Assert.Contains("images/service-scheduler.svg", files);
        Assert.Contains("docs/host-guide.md", files);
        Assert.DoesNotContain(files, f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(LearnerFacingFiles))]
    public void A_learner_facing_file_uses_no_banned_variant(string file)
    {
        var offences = LearnerFacingText.Offences(RepositoryRoot.Path, file, Terms).ToList();

        Assert.True(offences.Count == 0,
            $"{offences.Count} banned variant(s) (see {TermList.Page}):\n" + string.Join("\n", offences));
    }
}
