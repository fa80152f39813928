using System.Runtime.ExceptionServices;
using EcsWorkshop.Aws.AutoScaling;
using EcsWorkshop.Aws.AutoScaling.Model;
using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Aws;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Facts.Arns;
using EcsWorkshop.Sessions;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>
    /// Step: delete exactly what this session created, and nothing else: its services (scaled to 0, then deleted),
    /// its standalone tasks (stopped), its task definitions (deregistered), its clusters, repositories and log
    /// groups, and its load balancers: listeners, then load balancers, then target groups (in use until then), then
    /// their security groups (in use until the load balancer's network interfaces are gone: asked again until then).
    /// ECS and ELB resources are found by the session tag; repositories, log groups and security groups by the
    /// session's record.
    /// </summary>
    public Task<StepResult<CleanupReport>> CleanupAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Step("後片付け", async () =>
        {
            var found = await _inventory.FindAsync(cancellationToken).ConfigureAwait(false);
            var commands = new List<string>();
            foreach (var (cluster, arn) in found.ServiceArns)
            {
                var name = Arn.NameOf(arn);
                // Its scalable target first (with it go its scaling policies), so that Auto Scaling does not raise it again.
                var resourceId = ApplicationAutoScalingClient.ServiceResourceId(Arn.NameOf(cluster), name);
                var targets = await _aws.AutoScaling.DescribeScalableTargetsAsync(new DescribeScalableTargetsRequest
                {
                    ServiceNamespace = ApplicationAutoScalingClient.EcsNamespace,
                    ResourceIds = [resourceId],
                }, cancellationToken).ConfigureAwait(false);
                if (targets.ScalableTargets.Count > 0)
                {
                    await _aws.AutoScaling.DeregisterScalableTargetAsync(new DeregisterScalableTargetRequest
                    {
                        ServiceNamespace = ApplicationAutoScalingClient.EcsNamespace,
                        ResourceId = resourceId,
                        ScalableDimension = ApplicationAutoScalingClient.DesiredCount,
                    }, cancellationToken).ConfigureAwait(false);
                    commands.Add(AwsCliCommand.For("application-autoscaling", "deregister-scalable-target")
                        .With("service-namespace", ApplicationAutoScalingClient.EcsNamespace).With("resource-id", resourceId)
                        .With("scalable-dimension", ApplicationAutoScalingClient.DesiredCount).ToCommandLine(_results.Target));
                }
                await _aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = arn, DesiredCount = 0 }, cancellationToken).ConfigureAwait(false);
                await _aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = cluster, Service = arn }, cancellationToken).ConfigureAwait(false);
                commands.Add(AwsCliCommand.For("ecs", "update-service").With("cluster", cluster).With("service", name).With("desired-count", 0).ToCommandLine(_results.Target));
                commands.Add(AwsCliCommand.For("ecs", "delete-service").With("cluster", cluster).With("service", name).ToCommandLine(_results.Target));
            }
            await DeleteLoadBalancingAsync(found, commands, timeout, cancellationToken).ConfigureAwait(false);
            foreach (var (cluster, arn) in found.TaskArns)
            {
                await _aws.Ecs.StopTaskAsync(new StopTaskRequest { Cluster = cluster, Task = arn, Reason = "ecs-workshop cleanup" }, cancellationToken).ConfigureAwait(false);
                commands.Add(AwsCliCommand.For("ecs", "stop-task").With("cluster", cluster).With("task", TaskView.IdFromArn(arn)).ToCommandLine(_results.Target));
            }
            foreach (var arn in found.TaskDefinitionArns)
            {
                await _aws.Ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = arn }, cancellationToken).ConfigureAwait(false);
                commands.Add(AwsCliCommand.For("ecs", "deregister-task-definition").With("task-definition", Arn.NameOf(arn)).ToCommandLine(_results.Target));
            }
            // A cluster is deleted once its services are gone and its tasks stopped (ECS refuses before): ask again until then.
            var left = new List<string>(found.Clusters);
            var waited = await _waiter.UntilAsync<AwsServiceException?>(async ct =>
            {
                foreach (var cluster in left.ToList())
                {
                    try
                    {
                        await _aws.Ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = cluster }, ct).ConfigureAwait(false);
                        left.Remove(cluster);
                    }
                    catch (AwsServiceException e) when (e.ErrorCode is "ClusterContainsServicesException" or "ClusterContainsTasksException" or "UpdateInProgressException")
                    {
                        return e;
                    }
                }
                return null;
            }, refused => refused is null, timeout, cancellationToken).ConfigureAwait(false);
            if (waited.Last is { } refusal) ExceptionDispatchInfo.Throw(refusal);
            // By hand, delete-cluster is refused while a deleted service's tasks are still stopping: wait first.
            commands.AddRange(WaitsBeforeClusterDeletion(found.ServiceArns, found.TaskArns));
            foreach (var cluster in found.Clusters)
                commands.Add(AwsCliCommand.For("ecs", "delete-cluster").With("cluster", cluster).ToCommandLine(_results.Target));
            foreach (var repository in found.Repositories)
            {
                await _aws.Ecr.DeleteRepositoryAsync(new DeleteRepositoryRequest { RepositoryName = repository, Force = true }, cancellationToken).ConfigureAwait(false);
                _ledger.RemoveRepository(repository);
                commands.Add(AwsCliCommand.For("ecr", "delete-repository").With("repository-name", repository).WithFlag("force").ToCommandLine(_results.Target));
            }
            foreach (var group in found.LogGroups)
            {
                await _aws.Logs.DeleteLogGroupAsync(new DeleteLogGroupRequest { LogGroupName = group }, cancellationToken).ConfigureAwait(false);
                _ledger.RemoveLogGroup(group);
                commands.Add(AwsCliCommand.For("logs", "delete-log-group").With("log-group-name", group).ToCommandLine(_results.Target));
            }
            var report = new CleanupReport
            {
                SessionId = SessionId,
                Services = found.Services,
                Tasks = [.. found.TaskArns.Select(t => TaskView.IdFromArn(t.Arn))],
                TaskDefinitions = found.TaskDefinitions,
                Clusters = found.Clusters,
                Repositories = found.Repositories,
                LogGroups = found.LogGroups,
                LoadBalancers = [.. found.LoadBalancers.Select(l => l.LoadBalancerName ?? "")],
                TargetGroups = [.. found.TargetGroups.Select(g => g.TargetGroupName ?? "")],
                SecurityGroups = found.SecurityGroups,
                Commands = [.. commands],
            };
            return _results.Of("このセッションが作ったものを削除しました", report, null,
                $"タグ `{SessionTags.SessionKey}={SessionId}` の付いたものだけを削除しました。ほかの方法で作ったリソースはそのままです。");
        });

    /// <summary>
    /// The AWS CLI waits a learner needs between deleting services and stopping tasks, and deleting their clusters
    /// (ECS refuses DeleteCluster while it has services or active tasks): <c>aws ecs wait services-inactive</c> per
    /// service, <c>aws ecs wait tasks-stopped</c> per standalone task.
    /// </summary>
    private IEnumerable<string> WaitsBeforeClusterDeletion(IEnumerable<(string Cluster, string Arn)> services, IEnumerable<(string Cluster, string Arn)> tasks)
    {
        foreach (var (cluster, arn) in services)
            yield return new AwsCliCommand("ecs", "wait", [new CliOption("services-inactive", null)])
                .With("cluster", cluster).With("services", Arn.NameOf(arn)).ToCommandLine(_results.Target);
        foreach (var (cluster, arn) in tasks)
            yield return new AwsCliCommand("ecs", "wait", [new CliOption("tasks-stopped", null)])
                .With("cluster", cluster).With("tasks", TaskView.IdFromArn(arn)).ToCommandLine(_results.Target);
    }

    /// <summary>Deletes the session's listeners, load balancers, target groups and security groups, in that order.</summary>
    private async Task DeleteLoadBalancingAsync(SessionResources found, List<string> commands, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        foreach (var lb in found.LoadBalancers)
        {
            foreach (var listener in await _elb.ListenersOfAsync(lb.LoadBalancerArn!, cancellationToken).ConfigureAwait(false))
            {
                await _aws.Elb.DeleteListenerAsync(listener.ListenerArn!, cancellationToken).ConfigureAwait(false);
                commands.Add(AwsCliCommand.For("elbv2", "delete-listener").With("listener-arn", listener.ListenerArn).ToCommandLine(_results.Target));
            }
            await _aws.Elb.DeleteLoadBalancerAsync(lb.LoadBalancerArn!, cancellationToken).ConfigureAwait(false);
            commands.Add(AwsCliCommand.For("elbv2", "delete-load-balancer").With("load-balancer-arn", lb.LoadBalancerArn).ToCommandLine(_results.Target));
        }
        foreach (var group in found.TargetGroups)
        {
            await _aws.Elb.DeleteTargetGroupAsync(group.TargetGroupArn!, cancellationToken).ConfigureAwait(false);
            commands.Add(AwsCliCommand.For("elbv2", "delete-target-group").With("target-group-arn", group.TargetGroupArn).ToCommandLine(_results.Target));
        }
        // A security group is in use while a deleted load balancer's network interfaces remain (EC2 answers DependencyViolation).
        var left = new List<string>(found.SecurityGroups);
        var waited = await _waiter.UntilAsync<AwsServiceException?>(async ct =>
        {
            foreach (var id in left.ToList())
            {
                try
                {
                    await _aws.Ec2.DeleteSecurityGroupAsync(id, ct).ConfigureAwait(false);
                }
                catch (AwsServiceException e) when (e.ErrorCode == "InvalidGroup.NotFound")
                {
                    // Already gone.
                }
                catch (AwsServiceException e) when (e.ErrorCode is "DependencyViolation" or "InvalidGroup.InUse")
                {
                    return e;
                }
                left.Remove(id);
                _ledger.RemoveSecurityGroup(id);
                commands.Add(AwsCliCommand.For("ec2", "delete-security-group").With("group-id", id).ToCommandLine(_results.Target));
            }
            return null;
        }, refused => refused is null, timeout, cancellationToken).ConfigureAwait(false);
        if (waited.Last is { } refusal) ExceptionDispatchInfo.Throw(refusal);
    }
}
