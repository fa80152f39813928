using System.Text.Json.Serialization;
using EcsWorkshop.Aws.AutoScaling.Model;

namespace EcsWorkshop.Aws.AutoScaling;

/// <summary>Source-generated JSON metadata for the Application Auto Scaling shapes (members as named, PascalCase).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegisterScalableTargetRequest))]
[JsonSerializable(typeof(RegisterScalableTargetResponse))]
[JsonSerializable(typeof(DescribeScalableTargetsRequest))]
[JsonSerializable(typeof(DescribeScalableTargetsResponse))]
[JsonSerializable(typeof(DeregisterScalableTargetRequest))]
[JsonSerializable(typeof(DeregisterScalableTargetResponse))]
[JsonSerializable(typeof(PutScalingPolicyRequest))]
[JsonSerializable(typeof(PutScalingPolicyResponse))]
[JsonSerializable(typeof(DescribeScalingPoliciesRequest))]
[JsonSerializable(typeof(DescribeScalingPoliciesResponse))]
[JsonSerializable(typeof(DeleteScalingPolicyRequest))]
[JsonSerializable(typeof(DeleteScalingPolicyResponse))]
[JsonSerializable(typeof(DescribeScalingActivitiesRequest))]
[JsonSerializable(typeof(DescribeScalingActivitiesResponse))]
internal sealed partial class AutoScalingJsonContext : JsonSerializerContext;
