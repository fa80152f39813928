using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Services;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;

/// <summary>What RegisterScalableTarget asks for: null members stay as they are on an update.</summary>
public sealed record RegisterScalableTargetCommand(
    string Region,
    string AccountId,
    string? ServiceNamespace,
    string? ResourceId,
    string? ScalableDimension,
    int? MinCapacity,
    int? MaxCapacity,
    string? RoleArn,
    SuspendedState? Suspended,
    IReadOnlyDictionary<string, string>? Tags);

/// <summary>What a registration did, and the desired count it asks ECS for when the service is outside the new range.</summary>
public sealed record Registration(ScalableTarget Target, bool Created, int? ClampedDesiredCount);

/// <summary>Registering (creating or updating) and deregistering scalable targets.</summary>
public static class ScalableTargetCommands
{
    /// <summary>
    /// Registers an ECS service as a scalable target, or updates one ("Any parameters that you don't specify are not
    /// changed"). On an update, a desired count outside the new range is brought into it (the caller applies
    /// <see cref="Registration.ClampedDesiredCount"/> through ECS), as AWS documents.
    /// </summary>
    public static Registration Register(AutoScalingTransaction transaction, EcsWorld ecs, IdGenerator ids, RegisterScalableTargetCommand command)
    {
        var (ns, resourceId, dimension, resource) = AutoScalingValidation.RequireTargetName(command.ServiceNamespace, command.ResourceId, command.ScalableDimension);
        if (command.MinCapacity < 0) throw AutoScalingErrors.NegativeCapacity.With("MinCapacity");
        if (command.MaxCapacity < 0) throw AutoScalingErrors.NegativeCapacity.With("MaxCapacity");
        var service = RequireActiveService(ecs, command.Region, command.AccountId, resource, resourceId);

        var key = ScalableTarget.KeyOf(command.Region, ns, resourceId, dimension);
        if (transaction.World.Targets.TryGetValue(key, out var existing))
        {
            if (command.Tags is { Count: > 0 }) throw AutoScalingErrors.TagsOnExistingTarget.With();
            var updated = existing with
            {
                MinCapacity = command.MinCapacity ?? existing.MinCapacity,
                MaxCapacity = command.MaxCapacity ?? existing.MaxCapacity,
                RoleArn = command.RoleArn ?? existing.RoleArn,
                Suspended = command.Suspended ?? existing.Suspended,
            };
            if (updated.MinCapacity > updated.MaxCapacity) throw AutoScalingErrors.MinAboveMax.With();
            transaction.Put(updated);
            var clamped = Math.Clamp(service.DesiredCount, updated.MinCapacity, updated.MaxCapacity);
            return new Registration(updated, false, clamped == service.DesiredCount ? null : clamped);
        }

        if (command.MinCapacity is not { } min || command.MaxCapacity is not { } max) throw AutoScalingErrors.CapacitiesRequired.With();
        if (min > max) throw AutoScalingErrors.MinAboveMax.With();
        var target = new ScalableTarget(
            Key: key,
            Region: command.Region,
            ServiceNamespace: ns,
            ResourceId: resourceId,
            ScalableDimension: dimension,
            MinCapacity: min,
            MaxCapacity: max,
            RoleArn: command.RoleArn ?? AutoScalingNames.ServiceLinkedRole(command.AccountId),
            Arn: AutoScalingNames.ScalableTargetArn(command.Region, command.AccountId, ids.Hex(18)),
            CreatedAt: transaction.Now,
            Suspended: command.Suspended ?? SuspendedState.None,
            Tags: (command.Tags ?? new Dictionary<string, string>()).ToImmutableSortedDictionary(StringComparer.Ordinal));
        transaction.Put(target);
        return new Registration(target, true, null);
    }

    /// <summary>Deregisters a target; its policies go with it ("deletes the scaling policies … associated with it").</summary>
    public static void Deregister(AutoScalingTransaction transaction, string region, string? serviceNamespace, string? resourceId, string? dimension)
    {
        var target = Require(transaction.World, region, serviceNamespace, resourceId, dimension, AutoScalingErrors.TargetNotFound);
        transaction.Remove(target);
    }

    /// <summary>The registered target a request names, or <paramref name="notFound"/> (ObjectNotFoundException).</summary>
    public static ScalableTarget Require(AutoScalingWorld world, string region, string? serviceNamespace, string? resourceId, string? dimension,
        Errors.ServiceError notFound)
    {
        var (ns, id, dim, _) = AutoScalingValidation.RequireTargetName(serviceNamespace, resourceId, dimension);
        return world.Targets.GetValueOrDefault(ScalableTarget.KeyOf(region, ns, id, dim)) ?? throw notFound.With(ns, id, dim);
    }

    /// <summary>The ACTIVE ECS service a resource id names (ValidationException "ECS service doesn't exist" otherwise).</summary>
    public static Service RequireActiveService(EcsWorld ecs, string region, string accountId, EcsServiceResource resource, string resourceId)
    {
        var arns = new EcsArns(region, accountId);
        return ecs.Services.TryGetValue(arns.Service(resource.Cluster, resource.Service), out var service) && service.Status == ServiceStatus.Active
            ? service
            : throw AutoScalingErrors.EcsServiceMissing.With(resourceId);
    }
}
