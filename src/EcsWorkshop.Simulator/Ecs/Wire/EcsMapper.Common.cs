using System.Collections.Immutable;
using EcsWorkshop.Facts.Wire;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Clusters;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;

namespace EcsWorkshop.Simulator.Ecs.Wire;

/// <summary>
/// The one mapper between ECS wire shapes and the domain model. Inbound, it turns shapes into domain values and
/// rejects what cannot be mapped with ECS's errors; outbound, it renders domain values as shapes.
/// It is split into one file per resource.
/// </summary>
public static partial class EcsMapper
{
    public static ImmutableArray<Tag> ToDomain(List<TagShape>? tags) =>
        tags is null ? [] : [.. tags.Select(t => new Tag(
            t.Key ?? throw EcsErrors.TagKeyLength.With(TagRules.MaxKeyLength),
            t.Value ?? ""))];

    public static List<TagShape> ToShape(ImmutableArray<Tag> tags) =>
        [.. tags.Select(t => new TagShape { Key = t.Key, Value = t.Value })];

    public static ImmutableArray<CapacityProviderStrategyItem> ToDomain(List<CapacityProviderStrategyItemShape>? items) =>
        items is null ? [] : [.. items.Select(i => new CapacityProviderStrategyItem(
            i.CapacityProvider ?? throw EcsErrors.Missing.With("capacityProvider"),
            i.Weight ?? 0,
            i.Base ?? 0))];

    public static List<CapacityProviderStrategyItemShape> ToShape(ImmutableArray<CapacityProviderStrategyItem> items) =>
        [.. items.Select(i => new CapacityProviderStrategyItemShape { CapacityProvider = i.CapacityProvider, Weight = i.Weight, Base = i.Base })];

    public static FailureShape Missing(string arn) => new() { Arn = arn, Reason = "MISSING" };

    /// <summary>An AWS enum value (case-sensitive) parsed from its wire name, or ECS's error naming the allowed values.</summary>
    internal static T ParseEnum<T>(string value, string member, WireNames<T> names) where T : notnull =>
        names.TryParse(value, out var parsed)
            ? parsed
            : throw EcsErrors.InvalidEnumValue.With(value, member, string.Join(", ", names.Names));
}
