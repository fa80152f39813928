using EcsWorkshop.Display.Errors;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Display.Tests.Errors;

/// <summary>
/// Every typed error of every simulated service (<see cref="SimulatorErrors.All"/>) and every stop reason
/// (<see cref="StopReasons.All"/>) has its own Japanese entry, keyed on the error's id, with a fix; and a learner
/// who meets the error on the wire (code and message only) is shown that same entry. A new error without an entry
/// fails here.
/// </summary>
public class SimulatorErrorCoverageTests
{
    private static readonly ErrorCatalogue Catalogue = ErrorCatalogue.Default;

    public static TheoryData<string> ErrorIds => [.. SimulatorErrors.All.Select(e => e.Id)];

    public static TheoryData<string> StopReasonIds => [.. StopReasons.All.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(ErrorIds))]
    public void Every_error_the_simulator_can_return_has_a_Japanese_explanation_with_a_fix(string id)
    {
        var error = SimulatorErrors.All.Single(e => e.Id == id);

        var entry = Catalogue.ForSimulatorError(id);

        Assert.True(entry is not null, $"No Japanese entry is keyed on {id} ({error.Code}: {error.ExampleMessage()}).");
        Assert.False(string.IsNullOrWhiteSpace(entry.Fix), $"{entry.Id} has no fix.");
        Assert.False(string.IsNullOrWhiteSpace(entry.WhatHappened), $"{entry.Id} does not say what happened.");
        var explained = Catalogue.Explain(error.Code, error.ExampleMessage());
        Assert.False(explained.IsFallback, $"{id}: the wire form ({error.Code}: {error.ExampleMessage()}) finds no entry.");
        Assert.Equal(entry.Id, explained.EntryId);
    }

    [Theory]
    [MemberData(nameof(StopReasonIds))]
    public void Every_stop_reason_the_simulator_writes_has_an_entry(string id)
    {
        var reason = StopReasons.All.Single(r => r.Id == id);

        var entry = Catalogue.ForSimulatorError(id);

        Assert.True(entry is not null, $"No Japanese entry is keyed on {id} ({reason.ExampleMessage()}).");
        Assert.False(string.IsNullOrWhiteSpace(entry.Fix), $"{entry.Id} has no fix.");
        Assert.Equal(entry.Id, Catalogue.ExplainStoppedTask(reason.StopCode.ToString(), reason.ExampleMessage()).EntryId);
        if (reason.StopCode != StopCode.TaskFailedToStart) return;
        // A failure to start is told by its reason alone too (a container's reason comes without a stop code).
        Assert.Equal(entry.Id, Catalogue.ExplainStoppedTask(null, reason.ExampleMessage()).EntryId);
    }

    [Fact]
    public void Every_id_the_catalogue_is_keyed_on_names_an_error_or_stop_reason_of_the_simulator()
    {
        var known = SimulatorErrors.All.Select(e => e.Id).Concat(StopReasons.All.Select(r => r.Id)).ToHashSet(StringComparer.Ordinal);

        var stale = ErrorCatalogue.SimulatorErrorEntries.Keys.Where(id => !known.Contains(id)).ToList();

        Assert.True(stale.Count == 0, "Keyed on ids the simulator no longer has: " + string.Join(", ", stale));
        Assert.All(ErrorCatalogue.SimulatorErrorEntries.Values, entryId => Assert.Contains(Catalogue.Entries, e => e.Id == entryId));
    }

    [Fact]
    public void Error_ids_are_unique_across_the_simulator()
    {
        var duplicates = SimulatorErrors.All.Select(e => e.Id).Concat(StopReasons.All.Select(r => r.Id))
            .GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void The_enumeration_finds_the_errors_of_every_service()
    {
        var errors = SimulatorErrors.All;

        Assert.True(errors.Count > 100, $"Only {errors.Count} errors found.");
        Assert.Contains(errors, e => e is { Code: "ClusterNotFoundException", Template: "Cluster not found." });
        Assert.Equal("No Fargate configuration exists for given values: dummy CPU, dummy memory. See the Amazon ECS documentation for the valid values.",
            EcsErrors.FargateSize.Format("dummy", "dummy"));
        Assert.Contains(errors, e => e.Code == "ClientException" && e.Template == "Fargate only supports network mode \u2018awsvpc\u2019.");
        Assert.Contains(errors, e => e.Code == "InvalidParameterException" && e.Template.StartsWith("Specifying both a launch type and capacity provider strategy is not supported. Remove one", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == "InvalidParameterException" && e.Template.StartsWith("The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate", StringComparison.Ordinal));
        Assert.Equal("Cluster name must match ^[a-zA-Z0-9\\-_]{1,255}$, but was dummy", EcsErrors.InvalidClusterName.Format("dummy"));
        Assert.Contains(errors, e => e.Code == "MANIFEST_BLOB_UNKNOWN");
        Assert.Contains(errors, e => e is { Code: "ServerException", Template: "Service Unavailable. Please try again later." });
        Assert.Contains(errors, e => e is { Code: "ResourceNotFoundException", Template: "The specified resource could not be found." });
    }

    [Fact]
    public void An_error_no_entry_covers_would_be_reported()
    {
        Assert.True(Catalogue.Explain("ClientException", "A brand new rule the catalogue has never heard of.").IsFallback);
        Assert.Null(Catalogue.ForSimulatorError("ecs.a-brand-new-rule"));
    }

    [Fact]
    public void Every_stop_code_of_the_simulator_has_an_entry()
    {
        foreach (var code in Enum.GetNames<StopCode>())
            Assert.False(Catalogue.ExplainStoppedTask(code, "").IsFallback, code);
    }

    [Fact]
    public void The_stop_reasons_of_a_pull_failure_and_a_missing_log_group_are_listed()
    {
        var reasons = StopReasons.All;

        Assert.Contains(reasons, r => r.Template.StartsWith("CannotPullContainerError: ", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Template.StartsWith("ResourceInitializationError: ", StringComparison.Ordinal));
        Assert.Equal("stop-essential-exited", Catalogue.ExplainStoppedTask("EssentialContainerExited", TaskTransitions.EssentialContainerExitedReason).EntryId);
        Assert.Equal("stop-user", Catalogue.ExplainStoppedTask("UserInitiated", TaskCommands.DefaultStopReason).EntryId);
    }

    [Theory]
    [InlineData("SpotInterruption")]
    [InlineData("TerminationNotice")]
    public void A_spot_interruption_is_explained_under_either_stop_code_aws_has_shown_for_it(string stopCode)
    {
        var explanation = Catalogue.ExplainStoppedTask(stopCode, StopReasons.SpotInterrupted.Format());

        Assert.Equal("stop-spot-interrupted", explanation.EntryId);
    }
}
