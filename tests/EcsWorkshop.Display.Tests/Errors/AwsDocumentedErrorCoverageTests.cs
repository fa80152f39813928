using EcsWorkshop.Display.Errors;

namespace EcsWorkshop.Display.Tests.Errors;

/// <summary>
/// Every Fargate-relevant error AWS documents for stopped tasks, service events and API failure reasons
/// (<see cref="AwsDocumentedErrors"/>) is found by its own catalogue entry in every documented shape, and that entry
/// gives the cause and fix of the AWS page the row cites, with the page linked.
/// </summary>
public class AwsDocumentedErrorCoverageTests
{
    private static readonly ErrorCatalogue Catalogue = ErrorCatalogue.Default;

    public static TheoryData<DocumentedError> Rows => AwsDocumentedErrors.Rows;

    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_documented_shape_of_the_row_finds_its_entry_which_links_the_row_s_AWS_page(DocumentedError row)
    {
        foreach (var message in row.Messages)
            foreach (var (how, explanation) in ExplanationsOf(row, message))
            {
                Assert.False(explanation.IsFallback, $"{row.Id} ({how}): \"{message}\" finds no entry.");
                Assert.Equal(row.Entry, explanation.EntryId);
                var pages = AwsPages.All(row.Pages);
                Assert.True(explanation.Pages.Intersect(pages).Any(),
                    $"{row.Id}: {explanation.EntryId} links {string.Join(", ", explanation.Pages)}, not the row's page {string.Join(", ", pages)}.");
                Assert.False(string.IsNullOrWhiteSpace(explanation.Why.ToString()), $"{row.Id}: no cause.");
                Assert.False(string.IsNullOrWhiteSpace(explanation.Fix.ToString()), $"{row.Id}: no fix.");
            }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_documented_message_is_explained_by_an_entry_of_its_own_not_by_a_stop_code_s_catch_all(DocumentedError row)
    {
        if (row.Kind == DocumentedKind.StopCode) return;

        var entry = Catalogue.Entries.Single(e => e.Id == row.Entry);

        Assert.NotNull(entry.Message);
    }

    [Fact]
    public void The_table_holds_the_77_Fargate_relevant_rows_of_the_review_each_once()
    {
        Assert.Equal(77, AwsDocumentedErrors.All.Count);
        Assert.Equal(AwsDocumentedErrors.All.Count, AwsDocumentedErrors.All.Select(r => r.Id).Distinct().Count());
        var sections = AwsDocumentedErrors.All.GroupBy(r => r.Id[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<char, int> { ['A'] = 6, ['B'] = 39, ['C'] = 6, ['D'] = 18, ['E'] = 8 }, sections);
    }

    [Fact]
    public void Every_stop_reason_service_event_and_failure_entry_links_an_AWS_page_except_the_simulator_s_own()
    {
        var unlinked = Catalogue.Entries
            .Where(e => e.Source is ErrorSource.Task or ErrorSource.ServiceEvent or ErrorSource.Failure && e.Pages.IsDefaultOrEmpty)
            .Select(e => e.Id);

        Assert.Equal(["stop-containers-vanished"], unlinked);
    }

    [Fact]
    public void The_Japanese_page_of_a_guide_is_under_ja_jp_and_of_the_knowledge_center_under_ja()
    {
        Assert.Equal("https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/out-of-memory.html",
            AwsPages.Japanese(AwsPages.Of("DG/out-of-memory.html")).AbsoluteUri);
        Assert.Equal("https://repost.aws/ja/knowledge-center/ecs-task-stopped", AwsPages.Japanese(AwsPages.Of("KC/ecs-task-stopped")).AbsoluteUri);
        Assert.Equal("Amazon ECS デベロッパーガイド: out-of-memory", AwsPages.Label(AwsPages.Of("DG/out-of-memory.html")));
    }

    private static IEnumerable<(string How, ErrorExplanation Explanation)> ExplanationsOf(DocumentedError row, string message)
    {
        switch (row.Kind)
        {
            case DocumentedKind.StopCode:
                yield return ("stop code alone", Catalogue.ExplainStoppedTask(row.Code, message));
                break;
            case DocumentedKind.StopReason:
                yield return ($"stoppedReason under {row.Code}", Catalogue.ExplainStoppedTask(row.Code, message));
                yield return ("stoppedReason without a stop code", Catalogue.ExplainStoppedTask(null, message));
                yield return ("a container's reason", Catalogue.ExplainContainerReason(message) ?? Catalogue.ExplainStoppedTask("", ""));
                break;
            case DocumentedKind.ServiceEvent:
                yield return ("service event", Catalogue.ExplainServiceEvent(message) ?? Catalogue.ExplainStoppedTask("", ""));
                break;
            case DocumentedKind.Failure:
                yield return ($"{row.Code} failure", Catalogue.ExplainFailure(row.Code, message));
                break;
            case DocumentedKind.ApiError:
                yield return ("API error", Catalogue.Explain(row.Code, message));
                break;
        }
    }
}
