using System.Text.Json;
using System.Text.Json.Serialization;
using EcsWorkshop.Aws.AutoScaling.Model;

namespace EcsWorkshop.Results;

/// <summary>A target tracking configuration as the AWS CLI twin writes it: the API's own member names, absent members left out.</summary>
internal static class AutoScalingCommandJson
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Of(TargetTrackingScalingPolicyConfiguration configuration) => JsonSerializer.Serialize(configuration, Options);
}
