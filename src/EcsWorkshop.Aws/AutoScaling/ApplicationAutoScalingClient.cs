using EcsWorkshop.Aws.AutoScaling.Model;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.AutoScaling;

/// <summary>
/// Application Auto Scaling over AWS JSON 1.1 (target prefix <c>AnyScaleFrontendService</c>, signing name
/// <c>application-autoscaling</c>): ECS services as scalable targets, target tracking policies, scaling activities.
/// </summary>
public sealed class ApplicationAutoScalingClient : IDisposable
{
    /// <summary>The <c>X-Amz-Target</c> prefix of Application Auto Scaling.</summary>
    public const string TargetPrefix = "AnyScaleFrontendService";

    /// <summary>The namespace and dimension of an ECS service's desired count.</summary>
    public const string EcsNamespace = "ecs";
    public const string DesiredCount = "ecs:service:DesiredCount";

    private readonly AwsJsonClient _json;

    public ApplicationAutoScalingClient(AwsClientSettings settings) =>
        _json = new AwsJsonClient(AwsService.ApplicationAutoScaling, TargetPrefix, settings);

    /// <summary>The URL requests go to.</summary>
    public Uri Endpoint => _json.Endpoint;

    /// <summary>The resource id of an ECS service: <c>service/CLUSTER/SERVICE</c>.</summary>
    public static string ServiceResourceId(string cluster, string service) => $"service/{cluster}/{service}";

    /// <summary>Registers (or updates) a scalable target.</summary>
    public Task<RegisterScalableTargetResponse> RegisterScalableTargetAsync(RegisterScalableTargetRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("RegisterScalableTarget", request, AutoScalingJsonContext.Default.RegisterScalableTargetRequest,
            AutoScalingJsonContext.Default.RegisterScalableTargetResponse, cancellationToken);

    /// <summary>Describes scalable targets, one page.</summary>
    public Task<DescribeScalableTargetsResponse> DescribeScalableTargetsAsync(DescribeScalableTargetsRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DescribeScalableTargets", request, AutoScalingJsonContext.Default.DescribeScalableTargetsRequest,
            AutoScalingJsonContext.Default.DescribeScalableTargetsResponse, cancellationToken);

    /// <summary>Deregisters a scalable target (its policies go with it).</summary>
    public Task<DeregisterScalableTargetResponse> DeregisterScalableTargetAsync(DeregisterScalableTargetRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DeregisterScalableTarget", request, AutoScalingJsonContext.Default.DeregisterScalableTargetRequest,
            AutoScalingJsonContext.Default.DeregisterScalableTargetResponse, cancellationToken);

    /// <summary>Creates or updates a scaling policy.</summary>
    public Task<PutScalingPolicyResponse> PutScalingPolicyAsync(PutScalingPolicyRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("PutScalingPolicy", request, AutoScalingJsonContext.Default.PutScalingPolicyRequest,
            AutoScalingJsonContext.Default.PutScalingPolicyResponse, cancellationToken);

    /// <summary>Describes scaling policies, one page.</summary>
    public Task<DescribeScalingPoliciesResponse> DescribeScalingPoliciesAsync(DescribeScalingPoliciesRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DescribeScalingPolicies", request, AutoScalingJsonContext.Default.DescribeScalingPoliciesRequest,
            AutoScalingJsonContext.Default.DescribeScalingPoliciesResponse, cancellationToken);

    /// <summary>Deletes a scaling policy (and the alarms of a target tracking policy).</summary>
    public Task<DeleteScalingPolicyResponse> DeleteScalingPolicyAsync(DeleteScalingPolicyRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DeleteScalingPolicy", request, AutoScalingJsonContext.Default.DeleteScalingPolicyRequest,
            AutoScalingJsonContext.Default.DeleteScalingPolicyResponse, cancellationToken);

    /// <summary>Describes scaling activities, newest first, one page.</summary>
    public Task<DescribeScalingActivitiesResponse> DescribeScalingActivitiesAsync(DescribeScalingActivitiesRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DescribeScalingActivities", request, AutoScalingJsonContext.Default.DescribeScalingActivitiesRequest,
            AutoScalingJsonContext.Default.DescribeScalingActivitiesResponse, cancellationToken);

    public void Dispose() => _json.Dispose();
}
