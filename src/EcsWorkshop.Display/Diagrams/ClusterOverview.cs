using System.Collections.Immutable;
using EcsWorkshop.Display.Views;

namespace EcsWorkshop.Display.Diagrams;

/// <summary>
/// A cluster with its services and tasks, for the live picture of cluster → services → tasks → containers.
/// Tasks are placed under their service by <see cref="TaskView.Group"/> (<c>service:NAME</c>); the others are
/// shown as tasks outside any service (started with RunTask).
/// </summary>
public sealed record ClusterOverview
{
    /// <summary>The cluster.</summary>
    public required ClusterView Cluster { get; init; }

    /// <summary>The cluster's services.</summary>
    public ImmutableArray<ServiceView> Services { get; init; } = [];

    /// <summary>The cluster's tasks (of services and standalone).</summary>
    public ImmutableArray<TaskView> Tasks { get; init; } = [];

    /// <summary>The columns of the picture in order: services by name, then services only known from tasks, then standalone tasks.</summary>
    public ImmutableArray<OverviewColumn> Columns()
    {
        var tasksByService = Tasks.Where(t => t.ServiceName is not null).GroupBy(t => t.ServiceName!).ToDictionary(g => g.Key, g => Sorted(g));
        var columns = ImmutableArray.CreateBuilder<OverviewColumn>();
        foreach (var service in Services.OrderBy(s => s.Name, StringComparer.Ordinal))
            columns.Add(new OverviewColumn(service.Name, service, tasksByService.GetValueOrDefault(service.Name, [])));
        foreach (var name in tasksByService.Keys.Where(n => Services.All(s => s.Name != n)).Order(StringComparer.Ordinal))
            columns.Add(new OverviewColumn(name, null, tasksByService[name]));
        var standalone = Sorted(Tasks.Where(t => t.ServiceName is null));
        if (standalone.Length > 0) columns.Add(new OverviewColumn(null, null, standalone));
        return columns.ToImmutable();
    }

    private static ImmutableArray<TaskView> Sorted(IEnumerable<TaskView> tasks) => [.. tasks.OrderBy(t => t.Id, StringComparer.Ordinal)];
}

/// <summary>One column of the picture: a service (or a service name only known from its tasks), or the standalone tasks.</summary>
/// <param name="ServiceName">The service's name; null for tasks outside any service.</param>
/// <param name="Service">The service, when it was described.</param>
/// <param name="Tasks">The tasks, by id.</param>
public sealed record OverviewColumn(string? ServiceName, ServiceView? Service, ImmutableArray<TaskView> Tasks);
