using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Ecs.Domain.Services;

/// <summary>
/// A service's event list as ECS keeps it: newest first, at most 100, and a problem reported again within six hours
/// is not repeated.
/// </summary>
public static class ServiceEventLog
{
    /// <summary>How many events a service keeps.</summary>
    public const int Capacity = 100;

    /// <summary>How long the same message is not repeated (and how often a steady state is reported again).</summary>
    public static readonly TimeSpan RepeatAfter = TimeSpan.FromHours(6);

    /// <summary>The events with <paramref name="message"/> added on top.</summary>
    public static ImmutableArray<ServiceEvent> Add(ImmutableArray<ServiceEvent> events, string id, DateTimeOffset at, string message)
    {
        var builder = ImmutableArray.CreateBuilder<ServiceEvent>(Math.Min(events.Length + 1, Capacity));
        builder.Add(new ServiceEvent(id, at, message));
        foreach (var existing in events)
        {
            if (builder.Count == Capacity) break;
            builder.Add(existing);
        }
        return builder.MoveToImmutable();
    }

    /// <summary>True when the same message was reported less than six hours before <paramref name="now"/>.</summary>
    public static bool ReportedRecently(ImmutableArray<ServiceEvent> events, string message, DateTimeOffset now) =>
        events.Any(e => e.Message == message && now - e.CreatedAt < RepeatAfter);

    /// <summary>True when the newest event is this message and is less than six hours old (nothing happened since).</summary>
    public static bool IsLatest(ImmutableArray<ServiceEvent> events, string message, DateTimeOffset now) =>
        events.Length > 0 && events[0].Message == message && now - events[0].CreatedAt < RepeatAfter;
}
