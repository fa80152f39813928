using System.Text.RegularExpressions;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Tests.Server;

public sealed partial class RequestIdTests
{
    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex VersionFourUuid();

    [Fact]
    public void Request_ids_are_distinct_version_4_uuids()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => RequestIds.New()).ToList();

        Assert.All(ids, id => Assert.Matches(VersionFourUuid(), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(4, ids.Select(id => Guid.Parse(id).Version).Distinct().Single());
    }
}
