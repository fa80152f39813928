using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>The health-check members of CreateTargetGroup and ModifyTargetGroup (null: unchanged or default).</summary>
public sealed record HealthCheckInput(
    string? Protocol,
    string? Port,
    string? Path,
    int? IntervalSeconds,
    int? TimeoutSeconds,
    int? HealthyThresholdCount,
    int? UnhealthyThresholdCount,
    string? HttpCode,
    bool? Enabled);

/// <summary>What CreateTargetGroup is asked for.</summary>
public sealed record CreateTargetGroupInput(
    string? Name,
    string? Protocol,
    string? ProtocolVersion,
    int? Port,
    string? VpcId,
    string? TargetType,
    string? IpAddressType,
    HealthCheckInput HealthCheck,
    IReadOnlyList<KeyValuePair<string, string>>? Tags);

/// <summary>Creating, changing, finding and deleting target groups.</summary>
public static class TargetGroupCommands
{
    /// <summary>
    /// The defaults of an HTTP(S) target group of ip or instance targets: path <c>/</c>, traffic port, interval 30,
    /// timeout 5 (the ALB guide's and the API example's value; the current API text says 6 — 5 is emulated), healthy 5,
    /// unhealthy 2, matcher 200.
    /// </summary>
    public static HealthCheckSettings DefaultHealthCheck(string protocol) => new(protocol, "traffic-port", "/", 30, 5, 5, 2, "200", true);

    public static TargetGroup Create(Elbv2Transaction transaction, Elbv2Arns arns, CreateTargetGroupInput input)
    {
        var name = Elbv2Names.RequireTargetGroupName(input.Name);
        var targetType = input.TargetType ?? "instance";
        if (targetType is not ("instance" or "ip" or "lambda" or "alb"))
            throw Elbv2Errors.Constraint.With(targetType, "targetType", "Member must satisfy enum value set: [instance, ip, lambda, alb]");
        if (targetType is not ("instance" or "ip")) throw Elbv2Errors.TargetTypeNotSimulated.With(targetType);
        if (input.Protocol is null) throw Elbv2Errors.ProtocolRequired.With();
        if (input.Protocol is not ("HTTP" or "HTTPS"))
        {
            if (input.Protocol is not ("TCP" or "TLS" or "UDP" or "TCP_UDP" or "GENEVE" or "QUIC" or "TCP_QUIC"))
                throw Elbv2Errors.Constraint.With(input.Protocol, "protocol", "Member must satisfy enum value set: [HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE, QUIC, TCP_QUIC]");
            throw Elbv2Errors.TargetGroupProtocolNotSimulated.With(input.Protocol);
        }
        if (input.Port is null) throw Elbv2Errors.PortRequired.With();
        RequirePort(input.Port.Value, "port");
        if (input.VpcId is null) throw Elbv2Errors.VpcRequired.With();
        if (transaction.Context.Vpcs.VpcCidr(arns.Region, input.VpcId) is null) throw Elbv2Errors.VpcNotFound.With(input.VpcId);
        var version = input.ProtocolVersion ?? "HTTP1";
        if (version is not ("HTTP1" or "HTTP2" or "GRPC"))
            throw Elbv2Errors.Constraint.With(version, "protocolVersion", "Member must satisfy enum value set: [GRPC, HTTP1, HTTP2]");
        var addressType = input.IpAddressType ?? "ipv4";
        if (addressType is not ("ipv4" or "ipv6"))
            throw Elbv2Errors.Constraint.With(addressType, "ipAddressType", "Member must satisfy enum value set: [ipv4, ipv6]");
        var health = HealthCheck(DefaultHealthCheck(input.Protocol), input.HealthCheck);

        var existing = transaction.World.TargetGroups.Values.FirstOrDefault(g => g.Region == arns.Region && g.Name == name);
        if (existing is not null)
        {
            var same = (existing.Protocol, existing.Port, existing.VpcId, existing.TargetType, existing.ProtocolVersion, existing.IpAddressType, existing.HealthCheck) ==
                       (input.Protocol, input.Port.Value, input.VpcId, targetType, version, addressType, health);
            return same ? existing : throw Elbv2Errors.DuplicateTargetGroupName.With(name);
        }

        if (transaction.Context.Settings.Quotas.TargetGroups is { } maxTargetGroups && transaction.World.TargetGroups.Count >= maxTargetGroups)
            throw Elbv2Errors.TooManyTargetGroups.With();

        var group = new TargetGroup(arns.TargetGroup(name, transaction.Context.Ids.Hex(8)), name, arns.Region, input.Protocol, input.Port.Value,
            input.VpcId, targetType, version, addressType, health, TargetGroupAttributes.Defaults, TagCommands.Validated(input.Tags, ""));
        transaction.Put(group);
        return group;
    }

    public static TargetGroup Modify(Elbv2Transaction transaction, string? arn, HealthCheckInput change)
    {
        var group = Require(transaction.World, arn);
        var changed = group with { HealthCheck = HealthCheck(group.HealthCheck, change) };
        transaction.Put(changed);
        return changed;
    }

    public static TargetGroup ModifyAttributes(Elbv2Transaction transaction, string? arn, IReadOnlyList<KeyValuePair<string, string>>? attributes)
    {
        var group = Require(transaction.World, arn);
        if (attributes is null) throw Elbv2Errors.MemberNull.With("attributes");
        var changed = group with { Attributes = TargetGroupAttributes.Apply(group.Attributes, attributes) };
        transaction.Put(changed);
        return changed;
    }

    /// <summary>Deletes a target group no listener forwards to, with its registrations.</summary>
    public static void Delete(Elbv2Transaction transaction, string? arn)
    {
        // AWS's answer for a target group that does not exist is not confirmed; the simulator answers TargetGroupNotFound as moto does.
        var group = Require(transaction.World, arn);
        if (transaction.World.ListenersForwardingTo(group.Arn).Any()) throw Elbv2Errors.TargetGroupInUse.With(group.Arn);
        foreach (var target in transaction.World.TargetsOf(group.Arn).ToList()) transaction.Remove(target);
        transaction.Remove(group);
    }

    /// <summary>A target group by ARN: a malformed ARN is a ValidationError, an unknown one TargetGroupNotFound.</summary>
    public static TargetGroup Require(Elbv2World world, string? arn) =>
        world.TargetGroups.GetValueOrDefault(RequireArn(arn)) ?? throw Elbv2Errors.TargetGroupNotFound.With(arn);

    public static string RequireArn(string? arn)
    {
        if (arn is null) throw Elbv2Errors.MemberNull.With("targetGroupArn");
        return Elbv2Arns.IsArnOf(arn, "targetgroup") ? arn : throw Elbv2Errors.InvalidTargetGroupArn.With(arn);
    }

    public static void RequirePort(int port, string member)
    {
        if (port < 1) throw Elbv2Errors.Constraint.With(port, member, "Member must have value greater than or equal to 1");
        if (port > 65535) throw Elbv2Errors.Constraint.With(port, member, "Member must have value less than or equal to 65535");
    }

    /// <summary>The settings with the given members changed, each within its range (API model), interval above timeout.</summary>
    private static HealthCheckSettings HealthCheck(HealthCheckSettings current, HealthCheckInput input)
    {
        Range(input.IntervalSeconds, 5, 300, "healthCheckIntervalSeconds");
        Range(input.TimeoutSeconds, 2, 120, "healthCheckTimeoutSeconds");
        Range(input.HealthyThresholdCount, 2, 10, "healthyThresholdCount");
        Range(input.UnhealthyThresholdCount, 2, 10, "unhealthyThresholdCount");
        if (input.Path is { } path && (path.Length is < 1 or > 1024 || !path.StartsWith('/')))
            throw Elbv2Errors.Constraint.With(path, "healthCheckPath", "Member must have length between 1 and 1024");
        if (input.Protocol is { } protocol && protocol is not ("HTTP" or "HTTPS"))
            throw Elbv2Errors.Constraint.With(protocol, "healthCheckProtocol", "Member must satisfy enum value set: [HTTP, HTTPS]");
        if (input.Port is { } port && port != "traffic-port" && !(int.TryParse(port, out var number) && number is >= 1 and <= 65535))
            throw Elbv2Errors.Constraint.With(port, "healthCheckPort", "Member must be 'traffic-port' or a port between 1 and 65535");
        if (input.HttpCode is { } code && !IsMatcher(code))
            throw Elbv2Errors.Constraint.With(code, "matcher.httpCode", "Member must be codes from 200 to 499, such as \"200\", \"200,202\" or \"200-299\"");
        var settings = current with
        {
            Protocol = input.Protocol ?? current.Protocol,
            Port = input.Port ?? current.Port,
            Path = input.Path ?? current.Path,
            IntervalSeconds = input.IntervalSeconds ?? current.IntervalSeconds,
            TimeoutSeconds = input.TimeoutSeconds ?? current.TimeoutSeconds,
            HealthyThresholdCount = input.HealthyThresholdCount ?? current.HealthyThresholdCount,
            UnhealthyThresholdCount = input.UnhealthyThresholdCount ?? current.UnhealthyThresholdCount,
            HttpCode = input.HttpCode ?? current.HttpCode,
            Enabled = input.Enabled ?? current.Enabled,
        };
        if (settings.IntervalSeconds <= settings.TimeoutSeconds) throw Elbv2Errors.IntervalNotAboveTimeout.With();
        return settings;
    }

    private static void Range(int? value, int min, int max, string member)
    {
        if (value < min) throw Elbv2Errors.Constraint.With(value, member, $"Member must have value greater than or equal to {min}");
        if (value > max) throw Elbv2Errors.Constraint.With(value, member, $"Member must have value less than or equal to {max}");
    }

    /// <summary>"200", "200,202", "200-299": codes from 200 to 499.</summary>
    private static bool IsMatcher(string code) =>
        code.Split(',').All(part => part.Split('-') switch
        {
            [var one] => IsCode(one),
            [var low, var high] => IsCode(low) && IsCode(high) && int.Parse(low) <= int.Parse(high),
            _ => false,
        });

    private static bool IsCode(string text) => int.TryParse(text, out var code) && code is >= 200 and <= 499;
}
