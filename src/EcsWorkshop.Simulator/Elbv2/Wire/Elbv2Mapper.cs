using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Aws.Query;
using EcsWorkshop.Simulator.Elbv2.Domain;

namespace EcsWorkshop.Simulator.Elbv2.Wire;

/// <summary>ELBv2's request members (<c>Name.member.N</c> lists, dotted structures) read into the domain's inputs.</summary>
internal static class Elbv2Mapper
{
    public static IReadOnlyList<KeyValuePair<string, string>>? Tags(QueryRequest request) =>
        request.Structures("Tags")?.Select(t => new KeyValuePair<string, string>(t.String("Key") ?? "", t.String("Value") ?? "")).ToList();

    public static IReadOnlyList<TargetInput>? Targets(QueryRequest request) =>
        request.Structures("Targets")?.Select(t => new TargetInput(t.String("Id"), t.Int("Port"), t.String("AvailabilityZone"))).ToList();

    public static HealthCheckInput HealthCheck(QueryRequest request) => new(
        request.String("HealthCheckProtocol"), request.String("HealthCheckPort"), request.String("HealthCheckPath"),
        request.Int("HealthCheckIntervalSeconds"), request.Int("HealthCheckTimeoutSeconds"),
        request.Int("HealthyThresholdCount"), request.Int("UnhealthyThresholdCount"),
        request.At("Matcher").String("HttpCode"), request.Bool("HealthCheckEnabled"));

    /// <summary>One page (PageSize 1–400, all by default) after the Marker.</summary>
    public static (List<T> Page, string? Next) Page<T>(IReadOnlyList<T> items, QueryRequest request)
    {
        var size = request.Int("PageSize");
        if (size is < 1 or > 400) throw Elbv2Errors.Constraint.With(size, "pageSize", size < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 400");
        var marker = request.String("Marker");
        return OffsetPages.Page(items, marker, size ?? 400,
            () => Elbv2Errors.Constraint.With(marker, "marker", "Member must be a marker returned by a previous call"));
    }
}
