using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Tests.Support;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;

namespace EcsWorkshop.Display.Tests.Errors;

/// <summary>
/// Every error the simulator can return has its own Japanese entry, not the generic fallback: a new simulator
/// error without an entry fails here.
/// </summary>
public class SimulatorErrorCoverageTests
{
    private static readonly ErrorCatalogue Catalogue = ErrorCatalogue.Default;

    [Fact]
    public void Every_error_the_simulator_can_return_has_a_specific_entry()
    {
        var missing = SimulatorErrors.All()
            .Where(e => Catalogue.Explain(e.Code, e.Message).IsFallback)
            .Select(e => e.ToString())
            .ToList();

        Assert.True(missing.Count == 0, "No Japanese entry for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_enumeration_finds_factory_errors_and_messages_at_call_sites()
    {
        var errors = SimulatorErrors.All();

        Assert.True(errors.Count > 100, $"Only {errors.Count} errors found.");
        Assert.Contains(errors, e => e is { Code: "ClusterNotFoundException", Message: "Cluster not found." });
        Assert.Contains(errors, e => e.Code == "ClientException" && e.Message == "No Fargate configuration exists for given values: dummy CPU, dummy memory. See the Amazon ECS documentation for the valid values.");
        Assert.Contains(errors, e => e.Code == "ClientException" && e.Message == "Fargate only supports network mode \u2018awsvpc\u2019.");
        Assert.Contains(errors, e => e.Code == "InvalidParameterException" && e.Message.StartsWith("Specifying both a launch type and capacity provider strategy is not supported. Remove one", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == "InvalidParameterException" && e.Message.StartsWith("The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == "InvalidParameterException" && e.Message == "Cluster name must match ^[a-zA-Z0-9\\-_]{1,255}$, but was dummy");
        Assert.Contains(errors, e => e.Code == "MANIFEST_BLOB_UNKNOWN");
        Assert.Contains(errors, e => e.Code == "ServerException" && e.Message == "Service Unavailable. Please try again later.");
        Assert.Contains(errors, e => e.Code == "ResourceNotFoundException" && e.Message == "The specified resource could not be found.");
    }

    [Fact]
    public void Pass_through_factories_are_told_apart_from_those_that_write_their_own_message()
    {
        Assert.True(SimulatorErrors.PassesMessageThrough(typeof(EcsErrors).GetMethod(nameof(EcsErrors.Client))!));
        Assert.False(SimulatorErrors.PassesMessageThrough(typeof(EcsErrors).GetMethod(nameof(EcsErrors.Missing))!));
        Assert.False(SimulatorErrors.PassesMessageThrough(typeof(EcsErrors).GetMethod(nameof(EcsErrors.ClusterNotFound))!));
    }

    [Fact]
    public void An_error_no_entry_covers_would_be_reported()
    {
        Assert.True(Catalogue.Explain("ClientException", "A brand new rule the catalogue has never heard of.").IsFallback);
    }

    [Fact]
    public void Every_stop_code_of_the_simulator_has_an_entry()
    {
        foreach (var code in Enum.GetNames<StopCode>())
            Assert.False(Catalogue.ExplainStoppedTask(code, "").IsFallback, code);
    }

    [Fact]
    public void Every_stop_reason_the_simulator_writes_has_an_entry()
    {
        var reasons = SimulatorErrors.StopReasonLiterals();

        Assert.Contains(reasons, r => r.Reason.StartsWith("CannotPullContainerError: ", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Reason.StartsWith("ResourceInitializationError: ", StringComparison.Ordinal));
        foreach (var (reason, file) in reasons)
        {
            Assert.False(Catalogue.ExplainStoppedTask(null, reason).IsFallback, $"{reason} ({file})");
            Assert.False(Catalogue.ExplainStoppedTask("TaskFailedToStart", reason).IsFallback, $"{reason} ({file})");
        }
        Assert.Equal("stop-essential-exited", Catalogue.ExplainStoppedTask("EssentialContainerExited", TaskTransitions.EssentialContainerExitedReason).EntryId);
        Assert.Equal("stop-user", Catalogue.ExplainStoppedTask("UserInitiated", TaskCommands.DefaultStopReason).EntryId);
    }
}
