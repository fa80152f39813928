using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Wire;

/// <summary>
/// Application Auto Scaling as a JSON 1.1 service (target prefix <c>AnyScaleFrontendService</c>, SigV4 name
/// <c>application-autoscaling</c>, PascalCase members).
/// </summary>
public sealed class AutoScalingApi(AutoScalingEngine engine)
{
    public const string TargetPrefix = "AnyScaleFrontendService";
    public const string SigningName = "application-autoscaling";

    public AwsJsonService CreateService() => new AwsJsonService(TargetPrefix, SigningName, AwsJson.PascalCaseOptions)
        .On<RegisterScalableTargetRequest, RegisterScalableTargetResponse>("RegisterScalableTarget", RegisterScalableTarget)
        .On<DescribeScalableTargetsRequest, DescribeScalableTargetsResponse>("DescribeScalableTargets", DescribeScalableTargets)
        .On<DeregisterScalableTargetRequest, EmptyResponse>("DeregisterScalableTarget", DeregisterScalableTarget)
        .On<PutScalingPolicyRequest, PutScalingPolicyResponse>("PutScalingPolicy", PutScalingPolicy)
        .On<DescribeScalingPoliciesRequest, DescribeScalingPoliciesResponse>("DescribeScalingPolicies", DescribeScalingPolicies)
        .On<DeleteScalingPolicyRequest, EmptyResponse>("DeleteScalingPolicy", DeleteScalingPolicy)
        .On<DescribeScalingActivitiesRequest, DescribeScalingActivitiesResponse>("DescribeScalingActivities", DescribeScalingActivities);

    private RegisterScalableTargetResponse RegisterScalableTarget(RequestContext context, RegisterScalableTargetRequest request)
    {
        var target = engine.Register(new RegisterScalableTargetCommand(
            context.Region, context.AccountId, request.ServiceNamespace, request.ResourceId, request.ScalableDimension,
            request.MinCapacity, request.MaxCapacity, request.RoleARN, AutoScalingMapper.ToDomain(request.SuspendedState), request.Tags));
        return new() { ScalableTargetARN = target.Arn };
    }

    private DescribeScalableTargetsResponse DescribeScalableTargets(RequestContext context, DescribeScalableTargetsRequest request)
    {
        var (page, next) = AutoScalingQueries.Targets(engine.World, context.Region, request.ServiceNamespace, request.ResourceIds,
            request.ScalableDimension, request.MaxResults, request.NextToken);
        return new() { ScalableTargets = [.. page.Select(AutoScalingMapper.ToShape)], NextToken = next };
    }

    private EmptyResponse DeregisterScalableTarget(RequestContext context, DeregisterScalableTargetRequest request)
    {
        engine.Mutate(tx =>
        {
            ScalableTargetCommands.Deregister(tx, context.Region, request.ServiceNamespace, request.ResourceId, request.ScalableDimension);
            return 0;
        });
        return new();
    }

    private PutScalingPolicyResponse PutScalingPolicy(RequestContext context, PutScalingPolicyRequest request)
    {
        var command = new PutScalingPolicyCommand(context.Region, context.AccountId, request.PolicyName, request.ServiceNamespace, request.ResourceId,
            request.ScalableDimension, request.PolicyType, AutoScalingMapper.ToDomain(request.TargetTrackingScalingPolicyConfiguration),
            request.StepScalingPolicyConfiguration is not null);
        var policy = engine.Mutate(tx => ScalingPolicyCommands.Put(tx, engine.Ecs.World, engine.Elbv2.World, engine.Ids, command));
        return new() { PolicyARN = policy.PolicyArn, Alarms = AutoScalingMapper.ToShape(policy.Alarms) };
    }

    private DescribeScalingPoliciesResponse DescribeScalingPolicies(RequestContext context, DescribeScalingPoliciesRequest request)
    {
        var (page, next) = AutoScalingQueries.Policies(engine.World, context.Region, request.ServiceNamespace, request.PolicyNames,
            request.ResourceId, request.ScalableDimension, request.MaxResults, request.NextToken);
        return new() { ScalingPolicies = [.. page.Select(AutoScalingMapper.ToShape)], NextToken = next };
    }

    private EmptyResponse DeleteScalingPolicy(RequestContext context, DeleteScalingPolicyRequest request)
    {
        engine.Mutate(tx =>
        {
            ScalingPolicyCommands.Delete(tx, context.Region, request.PolicyName, request.ServiceNamespace, request.ResourceId, request.ScalableDimension);
            return 0;
        });
        return new();
    }

    private DescribeScalingActivitiesResponse DescribeScalingActivities(RequestContext context, DescribeScalingActivitiesRequest request)
    {
        var (page, next) = AutoScalingQueries.Activities(engine.World, context.Region, request.ServiceNamespace, request.ResourceId,
            request.ScalableDimension, request.IncludeNotScaledActivities ?? false, request.MaxResults, request.NextToken);
        return new() { ScalingActivities = [.. page.Select(AutoScalingMapper.ToShape)], NextToken = next };
    }
}
