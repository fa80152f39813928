using System.Diagnostics.CodeAnalysis;

namespace EcsWorkshop.Facts.Arns;

/// <summary>
/// An Amazon Resource Name, <c>arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE</c>, read into its parts. The resource
/// part keeps its own slashes and colons (<c>task/CLUSTER/ID</c>, <c>task-definition/FAMILY:REV</c>,
/// <c>log-group:NAME:*</c>).
/// </summary>
public sealed record Arn(string Partition, string Service, string Region, string AccountId, string Resource)
{
    private const string Scheme = "arn:";

    /// <summary>The resource's name or id: what follows its last slash (<c>cluster/web</c> → <c>web</c>, <c>task/c/ID</c> → <c>ID</c>).</summary>
    public string ResourceName => Resource[(Resource.LastIndexOf('/') + 1)..];

    /// <summary>Whether the text is written as an ARN (it starts with <c>arn:</c>), whether or not it is a whole one.</summary>
    public static bool LooksLikeArn([NotNullWhen(true)] string? text) => text?.StartsWith(Scheme, StringComparison.Ordinal) == true;

    /// <summary>Reads an ARN; false for anything with fewer than six colon-separated parts or not starting with <c>arn:</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Arn? arn)
    {
        arn = null;
        if (!LooksLikeArn(text)) return false;
        var parts = text.Split(':', 6);
        if (parts.Length != 6) return false;
        arn = new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
    }

    /// <summary>Reads an ARN or throws <see cref="FormatException"/>.</summary>
    public static Arn Parse(string text) =>
        TryParse(text, out var arn) ? arn : throw new FormatException($"'{text}' is not an ARN.");

    /// <summary>The name or id an ARN ends with; a name that is not an ARN is returned as it is.</summary>
    public static string NameOf(string nameOrArn) => TryParse(nameOrArn, out var arn) ? arn.ResourceName : nameOrArn;

    public override string ToString() => $"{Scheme}{Partition}:{Service}:{Region}:{AccountId}:{Resource}";
}
