using System.Collections.Immutable;

namespace EcsWorkshop.Display.Errors;

/// <summary>
/// The AWS pages an explanation rests on. Written short as the stopped-task review writes them (<c>DG/out-of-memory.html</c>,
/// <c>KC/ecs-task-stopped</c>), kept as AWS's English address, and shown to the learner as the Japanese page
/// (<c>docs.aws.amazon.com/ja_jp/…</c>, <c>repost.aws/ja/knowledge-center/…</c>).
/// </summary>
public static class AwsPages
{
    private static readonly (string Prefix, string Address)[] Prefixes =
    [
        ("DG/", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/"),
        ("UG/", "https://docs.aws.amazon.com/AmazonECS/latest/userguide/"),
        ("API/", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/"),
        ("KC/", "https://repost.aws/knowledge-center/"),
    ];

    /// <summary>The page's address: <c>DG/out-of-memory.html</c> → <c>https://docs.aws.amazon.com/AmazonECS/latest/developerguide/out-of-memory.html</c>.</summary>
    public static Uri Of(string shortForm)
    {
        foreach (var (prefix, address) in Prefixes)
            if (shortForm.StartsWith(prefix, StringComparison.Ordinal)) return new Uri(address + shortForm[prefix.Length..]);
        return new Uri(shortForm, UriKind.Absolute);
    }

    /// <summary>Several pages, <c>|</c>-separated.</summary>
    public static ImmutableArray<Uri> All(string? shortForms) =>
        shortForms is null ? [] : [.. shortForms.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Of)];

    /// <summary>
    /// The Japanese version of an AWS page: the documentation under <c>/ja_jp/</c>, the Knowledge Center under
    /// <c>/ja/</c>; any other address unchanged.
    /// </summary>
    public static Uri Japanese(Uri page) => page.Host switch
    {
        "docs.aws.amazon.com" when !page.AbsolutePath.StartsWith("/ja_jp/", StringComparison.Ordinal) =>
            new Uri($"https://docs.aws.amazon.com/ja_jp{page.AbsolutePath}{page.Fragment}"),
        "repost.aws" when page.AbsolutePath.StartsWith("/knowledge-center/", StringComparison.Ordinal) =>
            new Uri($"https://repost.aws/ja{page.AbsolutePath}{page.Fragment}"),
        _ => page,
    };

    /// <summary>How a page is named in a link: the guide it belongs to and its file name (<c>ECS 開発者ガイド: out-of-memory</c>).</summary>
    public static string Label(Uri page)
    {
        var path = page.AbsolutePath.Replace("/ja_jp/", "/", StringComparison.Ordinal).Replace("/ja/", "/", StringComparison.Ordinal);
        var name = Path.GetFileNameWithoutExtension(path.TrimEnd('/'));
        var guide = path switch
        {
            _ when path.Contains("/developerguide/", StringComparison.Ordinal) => "Amazon ECS デベロッパーガイド",
            _ when path.Contains("/userguide/", StringComparison.Ordinal) => "Amazon ECS ユーザーガイド",
            _ when path.Contains("/APIReference/", StringComparison.Ordinal) => "Amazon ECS API リファレンス",
            _ when path.StartsWith("/knowledge-center/", StringComparison.Ordinal) => "AWS re:Post ナレッジセンター",
            _ => page.Host,
        };
        return $"{guide}: {name}";
    }
}
