using Amazon;

namespace EcsWorkshop.Aws.Transport;

/// <summary>
/// One AWS service as the transport sees it: the name it signs with and where its endpoint is. With an endpoint
/// override (the simulator, moto) every service is that one URL and requests are signed for the configured region,
/// as the AWS CLI does with <c>--endpoint-url</c>.
/// </summary>
public sealed record AwsService(string SigningName, string EndpointPrefix)
{
    public static AwsService Ecs { get; } = new("ecs", "ecs");
    public static AwsService Ecr { get; } = new("ecr", "api.ecr");
    public static AwsService Logs { get; } = new("logs", "logs");
    public static AwsService Sts { get; } = new("sts", "sts");
    public static AwsService Ec2 { get; } = new("ec2", "ec2");
    public static AwsService ElasticLoadBalancing { get; } = new("elasticloadbalancing", "elasticloadbalancing");
    public static AwsService ApplicationAutoScaling { get; } = new("application-autoscaling", "application-autoscaling");

    /// <summary>IAM is global: one endpoint per partition, signed for that partition's home region.</summary>
    public static AwsService Iam { get; } = new("iam", "iam");

    /// <summary>Where requests go and which region they are signed for.</summary>
    public (Uri Endpoint, RegionEndpoint SigningRegion) Locate(RegionEndpoint region, Uri? endpointOverride)
    {
        if (endpointOverride is not null) return (endpointOverride, region);
        var suffix = region.PartitionDnsSuffix is { Length: > 0 } dns ? dns : "amazonaws.com";
        if (this == Iam)
        {
            return region.PartitionName switch
            {
                "aws" => (new Uri("https://iam.amazonaws.com/"), RegionEndpoint.USEast1),
                "aws-cn" => (new Uri($"https://iam.cn-north-1.{suffix}/"), RegionEndpoint.CNNorth1),
                "aws-us-gov" => (new Uri($"https://iam.us-gov.{suffix}/"), RegionEndpoint.USGovCloudWest1),
                _ => (new Uri($"https://iam.{region.SystemName}.{suffix}/"), region),
            };
        }
        return (new Uri($"https://{EndpointPrefix}.{region.SystemName}.{suffix}/"), region);
    }
}
