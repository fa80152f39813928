using EcsWorkshop.Facts.Arns;

namespace EcsWorkshop.Facts.Tests.Arns;

public sealed class TaskDefinitionReferenceTests
{
    [Fact]
    public void A_family_alone_names_no_revision()
    {
        var reference = TaskDefinitionReference.Parse("web");

        Assert.Equal(("web", null, null, false, false), (reference.Family, reference.RevisionText, reference.Revision, reference.NamesRevision, reference.IsArn));
    }

    [Fact]
    public void Family_and_revision_are_split_at_the_last_colon()
    {
        var reference = TaskDefinitionReference.Parse("web:12");

        Assert.Equal(("web", 12, true, "web:12"), (reference.Family, reference.Revision, reference.NamesRevision, reference.FamilyRevision));
    }

    [Fact]
    public void An_arn_names_the_family_and_revision_after_its_last_slash()
    {
        var reference = TaskDefinitionReference.Parse("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3");

        Assert.True(reference.IsArn);
        Assert.Equal(("web", 3, "web:3"), (reference.Family, reference.Revision, reference.FamilyRevision));
    }

    [Theory]
    [InlineData("web:latest", "latest")]
    [InlineData("web:", "")]
    public void A_revision_that_is_not_a_number_is_kept_as_written_but_names_none(string text, string written)
    {
        var reference = TaskDefinitionReference.Parse(text);

        Assert.Equal(written, reference.RevisionText);
        Assert.Null(reference.Revision);
        Assert.False(reference.NamesRevision);
    }

    [Fact]
    public void A_leading_colon_names_no_family() =>
        Assert.False(TaskDefinitionReference.Parse(":5").NamesRevision);

    [Theory]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3", "web:3")]
    [InlineData("web:3", "web:3")]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:cluster/web", "arn:aws:ecs:us-east-1:123456789012:cluster/web")]
    public void Short_turns_only_task_definition_arns_into_family_and_revision(string reference, string shown) =>
        Assert.Equal(shown, TaskDefinitionReference.Short(reference));
}
