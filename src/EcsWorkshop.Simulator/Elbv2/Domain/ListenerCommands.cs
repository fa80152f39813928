using System.Collections.Immutable;

namespace EcsWorkshop.Simulator.Elbv2.Domain;

/// <summary>A default action as CreateListener is given it.</summary>
public sealed record ActionInput(string? Type, string? TargetGroupArn, IReadOnlyList<string> ForwardTargetGroupArns, int? Order);

/// <summary>Creating, finding and deleting listeners. The simulator's listeners speak HTTP and forward.</summary>
public static class ListenerCommands
{
    /// <summary>
    /// Adds a listener on a port of a load balancer, forwarding to a target group of the same VPC that no other
    /// load balancer uses. The same port with the same settings answers the existing listener; with other settings it
    /// is DuplicateListener.
    /// </summary>
    public static Listener Create(Elbv2Transaction transaction, string? loadBalancerArn, string? protocol, int? port, IReadOnlyList<ActionInput>? actions, IReadOnlyList<KeyValuePair<string, string>>? tags)
    {
        var loadBalancer = LoadBalancerCommands.Require(transaction.World, loadBalancerArn);
        var listenerProtocol = protocol ?? "HTTP";
        if (listenerProtocol != "HTTP") throw Elbv2Errors.ListenerProtocolNotSimulated.With(listenerProtocol);
        var listenerPort = port ?? 80;
        TargetGroupCommands.RequirePort(listenerPort, "port");
        if (actions is not { Count: > 0 }) throw Elbv2Errors.MemberNull.With("defaultActions");
        var defaults = actions.Select(a => Action(transaction.World, loadBalancer, a)).ToImmutableArray();

        var existing = transaction.World.ListenersOf(loadBalancer.Arn).FirstOrDefault(l => l.Port == listenerPort);
        if (existing is not null)
            return existing.Protocol == listenerProtocol && existing.DefaultActions.SequenceEqual(defaults)
                ? existing
                : throw Elbv2Errors.DuplicateListener.With(loadBalancer.Arn);

        if (transaction.Context.Settings.Quotas.Listeners is { } maxListeners && transaction.World.Listeners.Count >= maxListeners)
            throw Elbv2Errors.TooManyListeners.With();

        var listener = new Listener(Elbv2Arns.Listener(loadBalancer.Arn, transaction.Context.Ids.Hex(8)), loadBalancer.Arn, loadBalancer.Region,
            listenerProtocol, listenerPort, defaults, TagCommands.Validated(tags, ""));
        transaction.Put(listener);
        return listener;
    }

    public static void Delete(Elbv2Transaction transaction, string? arn) => transaction.Remove(Require(transaction.World, arn));

    public static Listener Require(Elbv2World world, string? arn) =>
        world.Listeners.GetValueOrDefault(RequireArn(arn)) ?? throw Elbv2Errors.ListenersNotFound.With();

    public static string RequireArn(string? arn)
    {
        if (arn is null) throw Elbv2Errors.MemberNull.With("listenerArn");
        return Elbv2Arns.IsArnOf(arn, "listener/app") ? arn : throw Elbv2Errors.InvalidListenerArn.With(arn);
    }

    private static ListenerAction Action(Elbv2World world, LoadBalancer loadBalancer, ActionInput input)
    {
        var type = input.Type ?? throw Elbv2Errors.MemberNull.With("defaultActions.member.1.type");
        if (type is not ("forward" or "redirect" or "fixed-response" or "authenticate-oidc" or "authenticate-cognito" or "jwt-validation"))
            throw Elbv2Errors.Constraint.With(type, "type", "Member must satisfy enum value set: [forward, authenticate-oidc, authenticate-cognito, redirect, fixed-response, jwt-validation]");
        if (type != "forward") throw Elbv2Errors.ActionNotSimulated.With(type);
        var arns = new[] { input.TargetGroupArn }.Concat(input.ForwardTargetGroupArns).OfType<string>().Distinct().ToList();
        if (arns.Count == 0) throw Elbv2Errors.ForwardTargetRequired.With();
        if (arns.Count > 1) throw Elbv2Errors.ActionNotSimulated.With("forward to several target groups");
        var group = TargetGroupCommands.Require(world, arns[0]);
        if (world.LoadBalancersOf(group.Arn).Any(arn => arn != loadBalancer.Arn))
            throw Elbv2Errors.TargetGroupAssociationLimit.With(group.Arn);
        return new ListenerAction("forward", group.Arn, input.Order);
    }
}
