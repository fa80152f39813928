namespace EcsWorkshop.Tests.Docker;

/// <summary>
/// The labels a session puts on the images it builds come, by default, from <c>ECS_WORKSHOP_DOCKER_LABELS</c>, the
/// variable <c>workshop run</c> sets so that it can remove what the lessons built.
/// </summary>
public sealed class DockerLabelsOptionTests
{
    [Fact]
    public void Labels_are_read_as_comma_separated_key_value_pairs()
    {
        var labels = WorkshopOptions.LabelsFrom("ecs-workshop.lesson-run=abc, team=ecs ,flag");

        Assert.Equal(new Dictionary<string, string> { ["ecs-workshop.lesson-run"] = "abc", ["team"] = "ecs", ["flag"] = "" }, labels);
    }

    [Fact]
    public void No_variable_means_no_labels()
    {
        Assert.Empty(WorkshopOptions.LabelsFrom(null));
        Assert.Empty(WorkshopOptions.LabelsFrom(""));
    }

    [Fact]
    public void The_variable_is_the_one_the_lessons_runner_sets()
    {
        Assert.Equal("ECS_WORKSHOP_DOCKER_LABELS", WorkshopOptions.DockerLabelsVariable);
    }
}
