using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Ec2.Domain;

/// <summary>One <c>Filter.N</c> of a Describe call: a name and the values any of which may match (<c>*</c> and <c>?</c> are wildcards).</summary>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values);

/// <summary>
/// EC2's filters: each resource answers the filter names it knows with its values; a name it does not know is
/// refused; a resource passes when, for every filter, one of its values matches one of the filter's values.
/// </summary>
public static class Ec2Filters
{
    /// <summary>The items that pass every filter; <paramref name="owner"/> is the account that owns them (<c>owner-id</c>).</summary>
    public static IEnumerable<T> Apply<T>(IEnumerable<T> items, IReadOnlyList<Ec2Filter>? filters, IReadOnlySet<string> known, string owner,
        Func<T, string, IEnumerable<string?>> valuesOf)
    {
        var list = filters ?? [];
        foreach (var filter in list)
            if (!known.Contains(filter.Name) && !filter.Name.StartsWith("tag:", StringComparison.Ordinal) && filter.Name is not ("tag-key" or "owner-id"))
                throw Ec2Errors.InvalidFilter.With(filter.Name);
        return items.Where(item => list.All(filter =>
            filter.Name.StartsWith("tag", StringComparison.Ordinal)
                ? false
                : (filter.Name == "owner-id" ? [owner] : valuesOf(item, filter.Name))
                    .Any(value => value is not null && filter.Values.Any(pattern => Matches(pattern, value)))));
    }

    private static bool Matches(string pattern, string value) =>
        pattern.Contains('*') || pattern.Contains('?')
            ? Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$")
            : pattern == value;

    public static string Text(bool value) => value ? "true" : "false";
}
