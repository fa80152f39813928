using EcsWorkshop.Classroom.Activity;
using EcsWorkshop.Classroom.Dashboard;
using EcsWorkshop.Display.Errors;
using EcsWorkshop.Simulator.Accounts;
using Microsoft.AspNetCore.Routing;

namespace EcsWorkshop.Classroom;

/// <summary>
/// The host's dashboard of a classroom, as <c>workshop serve --classroom</c> plugs it in: the activity log that
/// observes the room (<see cref="Observer"/>) and the endpoints under <c>/_workshop/classroom</c>
/// (<see cref="MapHostEndpoints"/>), both for <see cref="ClassroomOptions"/>; <see cref="AddTo"/> does both.
/// </summary>
public sealed class ClassroomDashboard
{
    private readonly HostTokenGuard _guard;
    private readonly TimeProvider _time;
    private readonly ErrorCatalogue _catalogue;
    private readonly LessonTitles _titles;

    /// <summary>A dashboard for <paramref name="roster"/>, guarded by <paramref name="hostToken"/>.</summary>
    /// <param name="roster">The learners shown (one row each).</param>
    /// <param name="hostToken">The token the host opens the page with.</param>
    /// <param name="time">The clock the stuck rules and the live stream run on (the server's).</param>
    /// <param name="rules">The stuck rules (<see cref="StuckRules.Default"/> unless given).</param>
    /// <param name="refresh">How often the live stream looks for changes (one second unless given).</param>
    /// <param name="titles">The lessons' titles the rows show (ids only unless given).</param>
    public ClassroomDashboard(Roster roster, string hostToken, TimeProvider? time = null, StuckRules? rules = null, TimeSpan? refresh = null,
        LessonTitles? titles = null)
    {
        _titles = titles ?? LessonTitles.None;
        ArgumentException.ThrowIfNullOrEmpty(hostToken);
        _guard = new HostTokenGuard(hostToken);
        _time = time ?? TimeProvider.System;
        _catalogue = ErrorCatalogue.Default;
        Activity = new ClassroomActivity(roster, rules);
        Refresh = refresh ?? TimeSpan.FromSeconds(1);
    }

    /// <summary>Every learner's activity, as the room reports it.</summary>
    public ClassroomActivity Activity { get; }

    /// <summary>The observer to list in <see cref="ClassroomOptions.Observers"/>.</summary>
    public IClassroomObserver Observer => Activity;

    /// <summary>How often the live stream looks for changes.</summary>
    public TimeSpan Refresh { get; }

    /// <summary>Maps the page, its live stream and its JSON view (the <see cref="ClassroomOptions.MapHostEndpoints"/> delegate).</summary>
    public void MapHostEndpoints(IEndpointRouteBuilder routes, IReadOnlyList<LearnerAccount> accounts) =>
        new DashboardEndpoints(_guard, _time, Refresh).Map(routes, Views(accounts));

    /// <summary>The views of the learners in <paramref name="accounts"/>, built on demand.</summary>
    public ClassroomViewBuilder Views(IReadOnlyList<LearnerAccount> accounts) => new(Activity, accounts, _time, _catalogue, _titles);

    /// <summary><paramref name="options"/> with this dashboard's observer added and its endpoints mapped after any already there.</summary>
    public ClassroomOptions AddTo(ClassroomOptions options)
    {
        var before = options.MapHostEndpoints;
        return options with
        {
            Observers = [.. options.Observers, Observer],
            MapHostEndpoints = (routes, accounts) =>
            {
                before?.Invoke(routes, accounts);
                MapHostEndpoints(routes, accounts);
            },
        };
    }
}
