using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>
/// ECR's repository name rule: 2–256 characters, lowercase segments joined by <c>.</c>, <c>_</c>, <c>__</c> or
/// <c>-</c>, with <c>/</c> namespaces; and the tag rule (up to 300 characters of the OCI tag alphabet).
/// </summary>
public static partial class RepositoryNames
{
    /// <summary>The constraint as ECR states it in its error.</summary>
    public const string Pattern = "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*";

    [GeneratedRegex("^(?:[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*/)*[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,299}$")]
    private static partial Regex TagPattern();

    public static bool IsValid(string? name) => name is { Length: >= 2 and <= 256 } && NamePattern().IsMatch(name);

    public static bool IsValidTag(string? tag) => tag is not null && TagPattern().IsMatch(tag);

    /// <summary>Throws ECR's InvalidParameterException unless the name is valid.</summary>
    public static void Require(string? name)
    {
        if (name is null or "")
            throw EcrErrors.RepositoryNameNull.With();
        if (!IsValid(name))
            throw EcrErrors.RepositoryNameInvalid.With(Pattern);
    }
}
