namespace EcsWorkshop.Aws.Ecs.Model;

public sealed record TagResourceRequest
{
    public required string ResourceArn { get; init; }
    public required IReadOnlyList<Tag> Tags { get; init; }
}

public sealed record TagResourceResponse;

public sealed record ListTagsForResourceRequest
{
    public required string ResourceArn { get; init; }
}

public sealed record ListTagsForResourceResponse
{
    public IReadOnlyList<Tag>? Tags { get; init; }
}
