namespace EcsWorkshop.Simulator.Ecs.Wire;

public sealed class TagResourceRequest
{
    public string? ResourceArn { get; set; }
    public List<TagShape>? Tags { get; set; }
}

public sealed class UntagResourceRequest
{
    public string? ResourceArn { get; set; }
    public List<string>? TagKeys { get; set; }
}

public sealed class ListTagsForResourceRequest
{
    public string? ResourceArn { get; set; }
}

public sealed class ListTagsForResourceResponse
{
    public List<TagShape> Tags { get; set; } = [];
}
