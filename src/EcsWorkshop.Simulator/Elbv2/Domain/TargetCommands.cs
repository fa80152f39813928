using System.Net;
using System.Net.Sockets;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>A target as RegisterTargets, DeregisterTargets and DescribeTargetHealth take it.</summary>
public sealed record TargetInput(string? Id, int? Port, string? AvailabilityZone);

/// <summary>A target with its health, as DescribeTargetHealth answers.</summary>
public sealed record TargetHealthDescription(string Id, int Port, string? AvailabilityZone, string? HealthCheckPort, TargetHealth Health);

/// <summary>
/// Registering and deregistering targets, and what their health is. Until something checks targets, a registered
/// target of a target group that receives traffic is <c>initial</c> (first "registration in progress", then "initial
/// health checks in progress"); the checker reports through <see cref="ReportHealth"/>, the one seam for it.
/// A deregistered target drains for the deregistration delay on the simulated clock, then is gone.
/// </summary>
public static class TargetCommands
{
    public static readonly TargetHealth RegistrationInProgress = new("initial", "Elb.RegistrationInProgress", "Target registration is in progress");
    public static readonly TargetHealth InitialHealthChecking = new("initial", "Elb.InitialHealthChecking", "Initial health checks in progress");
    public static readonly TargetHealth NotRegistered = new("unused", "Target.NotRegistered", "Target is not registered to the target group");
    public static readonly TargetHealth NotInUse = new("unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
    public static readonly TargetHealth Draining = new("draining", "Target.DeregistrationInProgress", "Target deregistration is in progress");
    public static readonly TargetHealth HealthCheckDisabled = new("unavailable", "Target.HealthCheckDisabled", "Health checks are disabled");

    public static void Register(Elbv2Transaction transaction, string? targetGroupArn, IReadOnlyList<TargetInput>? targets)
    {
        var group = TargetGroupCommands.Require(transaction.World, targetGroupArn);
        if (targets is not { Count: > 0 }) throw Elbv2Errors.MemberNull.With("targets");
        var checkedTargets = targets.Select(t => Checked(transaction, group, t)).ToList();
        foreach (var (id, port, zone) in checkedTargets)
        {
            var key = TargetRegistration.KeyOf(group.Arn, id, port);
            if (transaction.World.Targets.TryGetValue(key, out var existing) && !existing.IsDraining) continue;
            transaction.Put(new TargetRegistration(group.Arn, id, port, zone, transaction.Now, null, null));
        }
    }

    /// <summary>Deregisters targets: they drain while the group receives traffic, else go at once. An unknown target is a success.</summary>
    public static void Deregister(Elbv2Transaction transaction, string? targetGroupArn, IReadOnlyList<TargetInput>? targets)
    {
        var group = TargetGroupCommands.Require(transaction.World, targetGroupArn);
        if (targets is not { Count: > 0 }) throw Elbv2Errors.MemberNull.With("targets");
        var inUse = transaction.World.ListenersForwardingTo(group.Arn).Any();
        foreach (var target in targets)
        {
            if (target.Id is null) throw Elbv2Errors.MemberNull.With("targets.member.id");
            var key = TargetRegistration.KeyOf(group.Arn, target.Id, target.Port ?? group.Port);
            if (!transaction.World.Targets.TryGetValue(key, out var registration) || registration.IsDraining) continue;
            var delay = transaction.Context.Settings.Scaled(group.DeregistrationDelay);
            if (inUse && delay > TimeSpan.Zero) transaction.Put(registration with { DrainingUntil = transaction.Now + delay });
            else transaction.Remove(registration);
        }
    }

    /// <summary>The seam for health checks: what the latest checks of a registered target concluded.</summary>
    public static void ReportHealth(Elbv2Transaction transaction, string targetGroupArn, string id, int port, TargetHealth health)
    {
        if (transaction.World.Targets.TryGetValue(TargetRegistration.KeyOf(targetGroupArn, id, port), out var registration) && !registration.IsDraining)
            transaction.Put(registration with { Reported = health });
    }

    /// <summary>Removes the targets whose draining has ended.</summary>
    public static void ExpireDrained(Elbv2Transaction transaction)
    {
        foreach (var drained in transaction.World.Targets.Values.Where(t => t.DrainingUntil <= transaction.Now).ToList()) transaction.Remove(drained);
    }

    /// <summary>The health of the asked targets (unregistered ones are <c>unused</c>), or of every registered target.</summary>
    public static IReadOnlyList<TargetHealthDescription> DescribeHealth(Elbv2World world, DateTimeOffset now, Elbv2Context context, string? targetGroupArn, IReadOnlyList<TargetInput>? targets)
    {
        var group = TargetGroupCommands.Require(world, targetGroupArn);
        var registered = world.TargetsOf(group.Arn).Where(t => t.DrainingUntil is null || t.DrainingUntil > now).ToList();
        if (targets is not { Count: > 0 })
            return [.. registered.OrderBy(t => t.RegisteredAt).ThenBy(t => t.Id, StringComparer.Ordinal).Select(t => Describe(world, now, context, group, t))];
        return [.. targets.Select(target =>
        {
            if (target.Id is null) throw Elbv2Errors.MemberNull.With("targets.member.id");
            var port = target.Port ?? group.Port;
            var registration = registered.FirstOrDefault(t => t.Id == target.Id && t.Port == port);
            return registration is null
                ? new TargetHealthDescription(target.Id, port, target.AvailabilityZone, null, NotRegistered)
                : Describe(world, now, context, group, registration);
        })];
    }

    private static TargetHealthDescription Describe(Elbv2World world, DateTimeOffset now, Elbv2Context context, TargetGroup group, TargetRegistration target) =>
        new(target.Id, target.Port, target.AvailabilityZone,
            group.HealthCheck.Port == "traffic-port" ? target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : group.HealthCheck.Port,
            HealthOf(world, now, context, group, target));

    private static TargetHealth HealthOf(Elbv2World world, DateTimeOffset now, Elbv2Context context, TargetGroup group, TargetRegistration target)
    {
        if (target.IsDraining) return Draining;
        if (!world.ListenersForwardingTo(group.Arn).Any()) return NotInUse;
        if (!group.HealthCheck.Enabled) return HealthCheckDisabled;
        if (target.Reported is { } reported) return reported;
        var registered = target.RegisteredAt + context.Settings.Scaled(context.Timings.Registration);
        if (now < registered) return RegistrationInProgress;
        return SimulatedHealth(now, registered, context, group, target) ?? InitialHealthChecking;
    }

    /// <summary>
    /// The health of a target a simulated task holds (the simulated runtime runs no container), checked on the clock:
    /// a check every interval after registration, each asking the task what it answers for the health check path.
    /// A new target passing its first check is healthy ("it must pass one health check", ALB User Guide); one that
    /// fails stays <c>initial</c> until the unhealthy threshold of checks have failed, then is unhealthy with the
    /// checker's reason (the codes it answered, or "Health checks failed" when nothing listens) — as the checker of
    /// real containers (<c>TargetHealthChecks</c>) concludes. Null for a target no simulated task holds: it waits
    /// for a checker's report (<see cref="ReportHealth"/>).
    /// </summary>
    private static TargetHealth? SimulatedHealth(DateTimeOffset now, DateTimeOffset registered, Elbv2Context context, TargetGroup group, TargetRegistration target)
    {
        if (context.Settings.RunsContainers || context.SimulatedTargets is not { } tasks) return null;
        var settings = group.HealthCheck;
        var port = settings.Port == "traffic-port" ? target.Port : int.Parse(settings.Port, System.Globalization.CultureInfo.InvariantCulture);
        if (tasks.Get(group.Region, target.Id, port, settings.Path) is not { } answer) return null;
        var interval = context.Settings.Scaled(TimeSpan.FromSeconds(settings.IntervalSeconds));
        var checks = interval <= TimeSpan.Zero ? int.MaxValue : (int)Math.Min(int.MaxValue, (now - registered).Ticks / interval.Ticks);
        if (checks < 1) return null;
        if (answer.StatusCode is { } code && HealthCheckResults.Matches(settings.HttpCode, code)) return TargetHealth.Healthy;
        if (checks < settings.UnhealthyThresholdCount) return null;
        return answer.StatusCode is { } failed ? HealthCheckResults.CodeMismatch(failed) : HealthCheckResults.Failed;
    }

    /// <summary>A target checked against its group's type: an IPv4 address (in the VPC, or private with a zone) or an instance id.</summary>
    private static (string Id, int Port, string? Zone) Checked(Elbv2Transaction transaction, TargetGroup group, TargetInput target)
    {
        if (target.Id is null) throw Elbv2Errors.MemberNull.With("targets.member.id");
        var port = target.Port ?? group.Port;
        TargetGroupCommands.RequirePort(port, "targets.member.port");
        if (group.TargetType == "instance")
        {
            if (!target.Id.StartsWith("i-", StringComparison.Ordinal)) throw Elbv2Errors.InstanceIdInvalid.With(target.Id);
            // The simulator runs no EC2 instances, so no instance id names one that exists.
            throw Elbv2Errors.InvalidTarget.With();
        }
        if (!IPAddress.TryParse(target.Id, out var address) || address.AddressFamily != AddressFamily.InterNetwork || target.Id.Count(c => c == '.') != 3)
            throw Elbv2Errors.IpAddressInvalid.With(target.Id);
        var vpc = transaction.Context.Vpcs.VpcCidr(group.Region, group.VpcId);
        if (vpc is not null && IPNetwork.Parse(vpc).Contains(address)) return (target.Id, port, target.AvailabilityZone);
        if (!IsPrivate(address)) throw Elbv2Errors.InvalidTarget.With();
        if (target.AvailabilityZone is null) throw Elbv2Errors.ZoneRequiredOutsideVpc.With(target.Id);
        return (target.Id, port, target.AvailabilityZone);
    }

    /// <summary>RFC 1918 and RFC 6598 ranges (the ones the API allows for ip targets).</summary>
    private static bool IsPrivate(IPAddress address) =>
        new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10" }.Any(range => IPNetwork.Parse(range).Contains(address));
}
