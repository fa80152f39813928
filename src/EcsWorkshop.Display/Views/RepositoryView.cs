using System.Collections.Immutable;

namespace EcsWorkshop.Display.Views;

/// <summary>An ECR repository with its images.</summary>
public sealed record RepositoryView
{
    /// <summary>The repository name (<c>workshop/web</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The URI to tag and push images to (<c>123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/workshop/web</c>).</summary>
    public required string Uri { get; init; }

    /// <summary>The repository ARN, when known.</summary>
    public string? Arn { get; init; }

    /// <summary><c>MUTABLE</c> or <c>IMMUTABLE</c>, when known.</summary>
    public string? ImageTagMutability { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The images, as the step lists them.</summary>
    public ImmutableArray<ImageView> Images { get; init; } = [];
}

/// <summary>One image in a repository.</summary>
public sealed record ImageView
{
    /// <summary>The image's tags (none for an untagged image).</summary>
    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The manifest digest (<c>sha256:…</c>).</summary>
    public required string Digest { get; init; }

    /// <summary>The image size in bytes as ECR reports it.</summary>
    public long? SizeInBytes { get; init; }

    public DateTimeOffset? PushedAt { get; init; }
}
