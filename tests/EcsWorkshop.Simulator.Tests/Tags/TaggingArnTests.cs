using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Tags;

public sealed class TaggingArnTests : IDisposable
{
    private readonly SimulatedWorld _world = new();

    [Theory]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012:cluster/ghost")]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012:service/ghost/web")]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012:task/ghost/0123456789abcdef0123456789abcdef")]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012:task-definition/ghost:1")]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012:container-instance/ghost/0123456789abcdef0123456789abcdef")]
    public void An_arn_of_a_resource_that_does_not_exist_is_ResourceNotFoundException(string arn)
    {
        var listing = _world.EcsFails("ListTagsForResource", new { resourceArn = arn });
        var tagging = _world.EcsFails("TagResource", new { resourceArn = arn, tags = new[] { new { key = "a", value = "b" } } });
        var untagging = _world.EcsFails("UntagResource", new { resourceArn = arn, tagKeys = new[] { "a" } });

        foreach (var error in new[] { listing, tagging, untagging })
        {
            Assert.Equal("ResourceNotFoundException", error.Code);
            Assert.Equal("The specified resource could not be found.", error.Message);
        }
    }

    [Theory]
    [InlineData("fargate-cluster")]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012")]
    [InlineData("arn:aws:ecr:ap-northeast-1:123456789012:repository/web")]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012:widget/fargate-cluster")]
    [InlineData("arn:aws:ecs:ap-northeast-1:not-an-account:cluster/fargate-cluster")]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012:cluster/bad name!")]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012:task-definition/sample-fargate")]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012:task-definition/sample-fargate:zero")]
    public void A_malformed_arn_is_InvalidParameterException(string arn)
    {
        var error = _world.EcsFails("TagResource", new { resourceArn = arn, tags = new[] { new { key = "a", value = "b" } } });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("The ARN provided is invalid.", error.Message);
    }

    [Theory]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012:service/fargate-service")]
    [InlineData("arn:aws:ecs:ap-northeast-1:123456789012:task/0cc43cdb-3bee-4407-9c26-c0e6ea5bee84")]
    public void A_short_service_or_task_arn_must_be_given_in_the_long_format(string arn)
    {
        var error = _world.EcsFails("ListTagsForResource", new { resourceArn = arn });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("Long arn format must be used for tagging operations", error.Message);
    }

    [Fact]
    public void A_cluster_of_another_region_is_not_found_from_this_one()
    {
        _world.Ecs("CreateCluster", new { clusterName = "fargate-cluster" });

        var error = _world.EcsFails("ListTagsForResource", new { resourceArn = "arn:aws:ecs:eu-west-1:123456789012:cluster/fargate-cluster" });

        Assert.Equal("ResourceNotFoundException", error.Code);
    }

    [Fact]
    public void A_request_without_a_resource_arn_is_refused()
    {
        var error = _world.EcsFails("ListTagsForResource", new { });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("resourceArn", error.Message);
    }

    [Fact]
    public void Tagging_without_tags_or_untagging_without_keys_is_refused()
    {
        var arn = _world.Ecs("CreateCluster", new { clusterName = "fargate-cluster" }).GetProperty("cluster").GetProperty("clusterArn").GetString();

        Assert.Contains("tags", _world.EcsFails("TagResource", new { resourceArn = arn }).Message);
        Assert.Contains("tagKeys", _world.EcsFails("UntagResource", new { resourceArn = arn }).Message);
    }

    public void Dispose() => _world.Dispose();
}
