using EcsWorkshop.Display.Errors;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Simulator.Ecs.Domain.Services;

namespace EcsWorkshop.Display.Tests.Errors;

/// <summary>
/// Service events are explained when they say something is wrong, and left alone when they are news; every problem
/// event the simulator writes finds its entry.
/// </summary>
public class ServiceEventExplanationTests
{
    private static readonly ErrorCatalogue Catalogue = ErrorCatalogue.Default;
    private const string TargetGroup = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/web-tg/0123456789abcdef";

    public static TheoryData<string, string> ProblemEvents => new()
    {
        { ServiceMessages.UnableToConsistentlyStart("web"), "event-unable-to-consistently-start" },
        { ServiceMessages.DeploymentFailed("web", "ecs-svc/1"), "event-deployment-failed" },
        { ServiceMessages.RollingBack("web", "ecs-svc/1"), "event-rolling-back" },
        { ServiceMessages.RolloutRollingBack("ecs-svc/1"), "event-rolling-back" },
        { ServiceMessages.CircuitBreakerTripped, "event-circuit-breaker" },
        { ServiceMessages.BlockedByDeploymentConfiguration("web"), "event-deployment-configuration" },
        { ServiceMessages.NoContainerInstances("web"), "event-no-container-instances" },
        { ServiceMessages.UnableToPlace("web", "Unable to describe task definition."), "event-unable-to-place" },
        { ServiceMessages.TargetUnhealthy("web", 8080, TargetGroup, "Health checks failed"), "event-target-unhealthy" },
        { ServiceMessages.FailedContainerHealthChecks("web", "0123456789abcdef0123456789abcdef"), "event-container-health" },
    };

    public static TheoryData<string> News =>
    [
        ServiceMessages.StartedTasks("web", ["a1", "b2"]),
        ServiceMessages.StoppedTasks("web", ["a1"]),
        ServiceMessages.RegisteredTargets("web", 1, TargetGroup),
        ServiceMessages.DeregisteredTargets("web", 1, TargetGroup),
        ServiceMessages.BegunDraining("web", 1),
        ServiceMessages.SteadyState("web"),
        ServiceMessages.DeploymentCompleted("web", "ecs-svc/1"),
        ServiceMessages.RolloutInProgress("ecs-svc/1"),
        ServiceMessages.RolloutCompleted("ecs-svc/1"),
    ];

    [Theory]
    [MemberData(nameof(ProblemEvents))]
    public void Every_problem_event_the_simulator_writes_is_explained_with_an_AWS_page(string message, string entry)
    {
        var explained = Catalogue.ExplainServiceEvent(message);

        Assert.NotNull(explained);
        Assert.Equal(entry, explained.EntryId);
        Assert.Equal(ErrorSource.ServiceEvent, explained.Source);
        Assert.Equal(message, explained.Message);
        Assert.NotEmpty(explained.Pages);
    }

    [Theory]
    [MemberData(nameof(News))]
    public void News_is_not_explained(string message)
    {
        Assert.Null(Catalogue.ExplainServiceEvent(message));
    }

    [Fact]
    public void A_service_is_explained_by_what_happened_since_its_last_steady_state_newest_first_once_per_kind()
    {
        var now = DateTimeOffset.UnixEpoch;
        var service = new ServiceView
        {
            Name = "web",
            Status = "ACTIVE",
            Events =
            [
                new(now, ServiceMessages.UnableToConsistentlyStart("web")),
                new(now, ServiceMessages.StartedTasks("web", ["a1"])),
                new(now, ServiceMessages.UnableToConsistentlyStart("web")),
                new(now, ServiceMessages.BlockedByDeploymentConfiguration("web")),
                new(now, ServiceMessages.SteadyState("web")),
                new(now, ServiceMessages.DeploymentFailed("web", "ecs-svc/0")),
            ],
            Deployments = [new DeploymentView { Id = "ecs-svc/2", Status = "ACTIVE", TaskDefinition = "web:2", RolloutState = "FAILED", RolloutStateReason = ServiceMessages.CircuitBreakerTripped }],
        };

        var explained = Catalogue.ExplainService(service);

        Assert.Equal(["event-unable-to-consistently-start", "event-deployment-configuration", "event-circuit-breaker"], explained.Select(e => e.EntryId));
    }

    [Fact]
    public void A_steady_service_needs_no_explaining()
    {
        var service = new ServiceView { Name = "web", Status = "ACTIVE", Events = [new(DateTimeOffset.UnixEpoch, ServiceMessages.SteadyState("web"))] };

        Assert.Empty(Catalogue.ExplainService(service));
    }
}
