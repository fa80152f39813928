using Amazon;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Tests.Configuration;

public sealed class EndpointTests
{
    [Theory]
    [InlineData("ecs", "https://ecs.ap-northeast-1.amazonaws.com/")]
    [InlineData("ecr", "https://api.ecr.ap-northeast-1.amazonaws.com/")]
    [InlineData("logs", "https://logs.ap-northeast-1.amazonaws.com/")]
    [InlineData("sts", "https://sts.ap-northeast-1.amazonaws.com/")]
    [InlineData("ec2", "https://ec2.ap-northeast-1.amazonaws.com/")]
    public void Regional_services_are_reached_at_their_regional_endpoint(string signingName, string expected)
    {
        var service = new[] { AwsService.Ecs, AwsService.Ecr, AwsService.Logs, AwsService.Sts, AwsService.Ec2 }.Single(s => s.SigningName == signingName);

        var (endpoint, signingRegion) = service.Locate(RegionEndpoint.APNortheast1, null);

        Assert.Equal(new Uri(expected), endpoint);
        Assert.Equal("ap-northeast-1", signingRegion.SystemName);
    }

    [Fact]
    public void IAM_is_global_and_signed_for_us_east_1()
    {
        var (endpoint, signingRegion) = AwsService.Iam.Locate(RegionEndpoint.APNortheast1, null);

        Assert.Equal(new Uri("https://iam.amazonaws.com/"), endpoint);
        Assert.Equal("us-east-1", signingRegion.SystemName);
    }

    [Fact]
    public void An_endpoint_override_takes_every_service_and_keeps_the_configured_region_for_signing()
    {
        var local = new Uri("http://127.0.0.1:4566/");

        var (endpoint, signingRegion) = AwsService.Iam.Locate(RegionEndpoint.APNortheast1, local);

        Assert.Equal(local, endpoint);
        Assert.Equal("ap-northeast-1", signingRegion.SystemName);
    }
}
