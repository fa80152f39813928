using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

public sealed class ListTaskDefinitionsTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Fact]
    public void Active_revisions_are_listed_by_family_then_revision_number()
    {
        for (var i = 0; i < 10; i++) _world.Register(TaskDefinitionSamples.Fargate("web"));
        _world.Register(TaskDefinitionSamples.Fargate("api"));

        var arns = _world.Ecs("ListTaskDefinitions").GetProperty("taskDefinitionArns").Strings();

        Assert.Equal(
            [TaskDefinitionSamples.Arn("api", 1), .. Enumerable.Range(1, 10).Select(r => TaskDefinitionSamples.Arn("web", r))],
            arns);
    }

    [Fact]
    public void Descending_order_lists_the_newest_revisions_first()
    {
        for (var i = 0; i < 3; i++) _world.Register(TaskDefinitionSamples.Fargate("web"));

        var arns = _world.Ecs("ListTaskDefinitions", new { sort = "DESC" }).GetProperty("taskDefinitionArns").Strings();

        Assert.Equal([TaskDefinitionSamples.Arn("web", 3), TaskDefinitionSamples.Arn("web", 2), TaskDefinitionSamples.Arn("web", 1)], arns);
    }

    [Fact]
    public void The_family_prefix_is_the_whole_family_name()
    {
        _world.Register(TaskDefinitionSamples.Fargate("web"));
        _world.Register(TaskDefinitionSamples.Fargate("web-api"));

        var arns = _world.Ecs("ListTaskDefinitions", new { familyPrefix = "web" }).GetProperty("taskDefinitionArns").Strings();

        Assert.Equal([TaskDefinitionSamples.Arn("web", 1)], arns);
    }

    [Fact]
    public void Inactive_and_deleting_revisions_are_listed_only_when_asked_for()
    {
        for (var i = 0; i < 3; i++) _world.Register(TaskDefinitionSamples.Fargate("web"));
        _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "web:1" });
        _world.Ecs("DeregisterTaskDefinition", new { taskDefinition = "web:2" });
        _world.Ecs("DeleteTaskDefinitions", new { taskDefinitions = new[] { "web:2" } });

        Assert.Equal([TaskDefinitionSamples.Arn("web", 3)], _world.Ecs("ListTaskDefinitions").GetProperty("taskDefinitionArns").Strings());
        Assert.Equal([TaskDefinitionSamples.Arn("web", 1)], _world.Ecs("ListTaskDefinitions", new { status = "INACTIVE" }).GetProperty("taskDefinitionArns").Strings());
        Assert.Equal([TaskDefinitionSamples.Arn("web", 2)], _world.Ecs("ListTaskDefinitions", new { status = "DELETE_IN_PROGRESS" }).GetProperty("taskDefinitionArns").Strings());
    }

    [Fact]
    public void Listing_pages_with_max_results_and_next_token()
    {
        for (var i = 0; i < 5; i++) _world.Register(TaskDefinitionSamples.Fargate("web"));

        var first = _world.Ecs("ListTaskDefinitions", new { maxResults = 2 });
        var second = _world.Ecs("ListTaskDefinitions", new { maxResults = 2, nextToken = first.GetProperty("nextToken").GetString() });
        var third = _world.Ecs("ListTaskDefinitions", new { maxResults = 2, nextToken = second.GetProperty("nextToken").GetString() });

        var all = new[] { first, second, third }.SelectMany(p => p.GetProperty("taskDefinitionArns").Strings()).ToList();
        Assert.Equal(Enumerable.Range(1, 5).Select(r => TaskDefinitionSamples.Arn("web", r)), all);
        Assert.False(third.TryGetProperty("nextToken", out _));
    }

    [Fact]
    public void A_page_holds_100_revisions_unless_told_otherwise()
    {
        for (var i = 0; i < 101; i++) _world.Register(TaskDefinitionSamples.Fargate("web"));

        var first = _world.Ecs("ListTaskDefinitions");

        Assert.Equal(100, first.GetProperty("taskDefinitionArns").GetArrayLength());
        Assert.True(first.TryGetProperty("nextToken", out _));
    }

    [Theory]
    [InlineData("status", "ALL")]
    [InlineData("sort", "NEWEST")]
    public void Unknown_status_or_sort_values_are_invalid_parameters(string member, string value)
    {
        var error = _world.EcsFails("ListTaskDefinitions", new Dictionary<string, string> { [member] = value });

        Assert.Equal("InvalidParameterException", error.Code);
    }

    public void Dispose() => _world.Dispose();
}
