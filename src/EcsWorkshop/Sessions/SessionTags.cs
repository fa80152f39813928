using System.Collections.Immutable;

namespace EcsWorkshop.Sessions;

/// <summary>The tags every resource a session creates carries, so cleanup finds exactly those.</summary>
public sealed record SessionTags(string SessionId)
{
    /// <summary>The tag key naming the session.</summary>
    public const string SessionKey = "ecs-workshop:session";

    /// <summary>The tag key naming the tool that created the resource.</summary>
    public const string CreatedByKey = "created-by";

    /// <summary>The value of <see cref="CreatedByKey"/>.</summary>
    public const string CreatedByValue = "ecs-workshop";

    /// <summary>The tags as key/value pairs.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Pairs =>
        [new(SessionKey, SessionId), new(CreatedByKey, CreatedByValue)];

    /// <summary>True when the tags (any client's shape, as key/value pairs) mark a resource of this session.</summary>
    public bool Marks(IEnumerable<KeyValuePair<string, string?>> tags) =>
        tags.Any(t => t.Key == SessionKey && t.Value == SessionId);

    /// <summary>A new random session id (12 hex digits).</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
