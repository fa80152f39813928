using EcsWorkshop.Simulator.Errors;

namespace EcsWorkshop.Simulator.Logs.Domain;

/// <summary>
/// Every error the simulated CloudWatch Logs answers with, as a value (id, code, HTTP status, message template).
/// The JSON edge writes them as <c>__type</c>; the Japanese catalogue explains each one by its id.
/// </summary>
public static class LogsErrors
{
    private const string Invalid = "InvalidParameterException";

    /// <summary>Every CloudWatch Logs error, in the order declared here.</summary>
    public static IReadOnlyList<ServiceError> All => ServiceError.DeclaredBy(typeof(LogsErrors));

    // ---- member constraints, in the words of AWS's validation errors ----
    public static readonly ServiceError NameLength = Constraint("logs.name-length", "Member must have length between 1 and 512");
    public static readonly ServiceError GroupNamePattern = Constraint("logs.group-name-pattern",
        @"Member must satisfy regular expression pattern: [\.\-_/#A-Za-z0-9]+");
    public static readonly ServiceError StreamNamePattern = Constraint("logs.stream-name-pattern", "Member must satisfy regular expression pattern: [^:*]*");
    public static readonly ServiceError LimitOutOfRange = Constraint("logs.limit-out-of-range", "Member must have value between 1 and {max}") with
    {
        Examples = ["0", "limit", "50"],
    };
    public static readonly ServiceError OrderByInvalid = Constraint("logs.order-by-invalid",
        "Member must satisfy enum value set: [LogStreamName, LastEventTime]");
    public static readonly ServiceError MemberNull = Constraint("logs.member-null", "Member must not be null");
    public static readonly ServiceError NegativeTimestamp = Constraint("logs.timestamp-negative", "Member must have value greater than or equal to 0");
    public static readonly ServiceError EventCountOutOfRange = Constraint("logs.event-count-out-of-range", "Member must have length between 1 and 10000");

    // ---- groups and streams ----
    public static readonly ServiceError GroupExists = new("logs.group-exists", "ResourceAlreadyExistsException", "The specified log group already exists");
    public static readonly ServiceError StreamExists = new("logs.stream-exists", "ResourceAlreadyExistsException", "The specified log stream already exists");
    public static readonly ServiceError GroupNotFound = new("logs.group-not-found", "ResourceNotFoundException", "The specified log group does not exist.");
    public static readonly ServiceError StreamNotFound = new("logs.stream-not-found", "ResourceNotFoundException", "The specified log stream does not exist.");

    // ---- reading and writing events ----
    public static readonly ServiceError OrderByLastEventTimeWithPrefix = new("logs.order-by-last-event-time-with-prefix", Invalid,
        "Cannot order by LastEventTime with a logStreamNamePrefix.");
    public static readonly ServiceError StreamNamesAndPrefix = new("logs.stream-names-and-prefix", Invalid,
        "Cannot specify both logStreamNames and logStreamNamePrefix.");
    public static readonly ServiceError InvalidNextToken = new("logs.invalid-next-token", Invalid, "The specified nextToken is invalid.");
    public static readonly ServiceError FilterPatternNotSimulated = new("logs.filter-pattern-not-simulated", Invalid,
        "Invalid filter pattern: the simulator supports plain-text terms (\"phrase\", -term, ?term), not JSON or space-delimited patterns.");
    public static readonly ServiceError EventsOutOfOrder = new("logs.events-out-of-order", Invalid,
        "Log events in a single PutLogEvents request must be in chronological order.");
    public static readonly ServiceError EventsSpanTooLong = new("logs.events-span-too-long", Invalid,
        "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");

    /// <summary>The validation error AWS sends for a member outside its constraint: the value, the member, then the rule.</summary>
    private static ServiceError Constraint(string id, string constraint) =>
        new(id, Invalid, "1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: " + constraint)
        {
            Examples = ["x", "logGroupName"],
        };
}
