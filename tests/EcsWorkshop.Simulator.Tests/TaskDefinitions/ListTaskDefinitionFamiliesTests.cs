using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class ListTaskDefinitionFamiliesTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    public ListTaskDefinitionFamiliesTests()
    {
        _world.Register(TaskDefinitionSamples.Fargate("web"));
        _world.Register(TaskDefinitionSamples.Fargate("web-api"));
        _world.Register(TaskDefinitionSamples.Fargate("batch"));
        _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "batch:1" });
    }

    [Fact]
    public void Every_family_with_a_revision_is_listed_alphabetically_by_default()
    {
        Assert.Equal(["batch", "web", "web-api"], Families(new { }));
    }

    [Fact]
    public void The_family_prefix_matches_the_start_of_the_name()
    {
        Assert.Equal(["web", "web-api"], Families(new { familyPrefix = "web" }));
    }

    [Fact]
    public void Active_families_have_an_active_revision_and_inactive_ones_have_none()
    {
        Assert.Equal(["web", "web-api"], Families(new { status = "ACTIVE" }));
        Assert.Equal(["batch"], Families(new { status = "INACTIVE" }));
        Assert.Equal(["batch", "web", "web-api"], Families(new { status = "ALL" }));
    }

    [Fact]
    public void A_family_whose_revisions_are_all_deleted_is_no_longer_listed()
    {
        _world.Ecs("DeleteTaskDefinitions", new { taskDefinitions = new[] { "batch:1" } });
        Assert.Contains("batch", Families(new { }));

        _world.Advance(TimeSpan.FromSeconds(1));

        Assert.DoesNotContain("batch", Families(new { }));
    }

    [Fact]
    public void Families_page_with_max_results_and_next_token()
    {
        var first = _world.Ecs("ListTaskDefinitionFamilies", new { maxResults = 2 });
        var second = _world.Ecs("ListTaskDefinitionFamilies", new { maxResults = 2, nextToken = first.GetProperty("nextToken").GetString() });

        Assert.Equal(["batch", "web"], first.GetProperty("families").Strings());
        Assert.Equal(["web-api"], second.GetProperty("families").Strings());
        Assert.False(second.TryGetProperty("nextToken", out _));
    }

    [Fact]
    public void An_unknown_status_is_an_invalid_parameter()
    {
        Assert.Equal("InvalidParameterException", _world.EcsFails("ListTaskDefinitionFamilies", new { status = "DELETE_IN_PROGRESS" }).Code);
    }

    private List<string?> Families(object request) =>
        _world.Ecs("ListTaskDefinitionFamilies", request).GetProperty("families").Strings();

    public void Dispose() => _world.Dispose();
}
