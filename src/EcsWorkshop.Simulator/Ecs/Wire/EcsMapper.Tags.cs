using System.Collections.Immutable;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tags;

namespace EcsWorkshop.Simulator.Ecs.Wire;

public static partial class EcsMapper
{
    /// <summary>The tags TagResource adds (the member is required).</summary>
    public static ImmutableArray<Tag> ToDomain(TagResourceRequest request) =>
        request.Tags is null ? throw EcsErrors.Missing.With("tags") : ToDomain(request.Tags);

    /// <summary>The keys UntagResource removes (the member is required).</summary>
    public static ImmutableArray<string> ToDomain(UntagResourceRequest request) =>
        request.TagKeys is null
            ? throw EcsErrors.Missing.With("tagKeys")
            : [.. request.TagKeys.Select(key => key ?? throw EcsErrors.TagKeyLength.With(TagRules.MaxKeyLength))];
}
