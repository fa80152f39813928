using EcsWorkshop.Facts.Arns;

namespace EcsWorkshop.Facts.Tests.Arns;

public sealed class ArnTests
{
    [Fact]
    public void A_task_arn_splits_into_its_six_parts()
    {
        var arn = Arn.Parse("arn:aws:ecs:ap-northeast-1:123456789012:task/fargate-cluster/0123456789abcdef0123456789abcdef");

        Assert.Equal(("aws", "ecs", "ap-northeast-1", "123456789012"), (arn.Partition, arn.Service, arn.Region, arn.AccountId));
        Assert.Equal("task/fargate-cluster/0123456789abcdef0123456789abcdef", arn.Resource);
        Assert.Equal("0123456789abcdef0123456789abcdef", arn.ResourceName);
        Assert.Equal("arn:aws:ecs:ap-northeast-1:123456789012:task/fargate-cluster/0123456789abcdef0123456789abcdef", arn.ToString());
    }

    [Theory]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:cluster/web", "web")]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:service/web/api", "api")]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3", "web:3")]
    [InlineData("arn:aws:ecr:us-east-1:123456789012:repository/workshop/web", "web")]
    [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*", "web:*")]
    [InlineData("web", "web")]
    [InlineData("arn:not-enough-parts/x", "arn:not-enough-parts/x")]
    public void The_name_of_an_arn_is_what_follows_its_last_slash_and_a_name_stays_a_name(string text, string name) =>
        Assert.Equal(name, Arn.NameOf(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cluster/web")]
    [InlineData("arn:aws:ecs:us-east-1")]
    public void Text_that_is_not_an_arn_does_not_parse(string? text)
    {
        Assert.False(Arn.TryParse(text, out _));
        if (text is not null) Assert.Throws<FormatException>(() => Arn.Parse(text));
    }
}
