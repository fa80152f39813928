namespace EcsWorkshop.Simulator.Ecr.Domain;

/// <summary>Reading repositories: one by name (or RepositoryNotFoundException), and DescribeRepositories.</summary>
public static class RepositoryQueries
{
    /// <summary>The repository by name, or RepositoryNotFoundException (an invalid name is refused first).</summary>
    public static Repository Require(EcrWorld world, EcrArns arns, string? name)
    {
        RepositoryNames.Require(name);
        return world.Repositories.GetValueOrDefault(arns.Repository(name!))
            ?? throw EcrErrors.RepositoryNotFound.With(name!, arns.AccountId);
    }

    /// <summary>DescribeRepositories: the named repositories (each must exist), or all of the region's; one page.</summary>
    public static (List<Repository> Page, string? NextToken) Describe(
        EcrWorld world, EcrArns arns, IReadOnlyList<string>? names, string? nextToken, int? maxResults)
    {
        var repositories = names is { Count: > 0 }
            ? names.Select(name => Require(world, arns, name))
            : world.Repositories.Values.Where(r => r.Region == arns.Region);
        return EcrPaging.Page(repositories, nextToken, maxResults);
    }
}
