using System.Collections;
using System.Globalization;

namespace EcsWorkshop.Aws.Transport;

/// <summary>
/// The members of a query-protocol request, flattened to <c>Name=value</c> pairs in order. Lists are numbered from 1:
/// IAM style <c>Tags.member.1.Key</c> (<see cref="AddMembers{T}"/>), EC2 style <c>Filter.1.Name</c> and
/// <c>VpcId.1</c> (<see cref="AddNumbered{T}"/>, <see cref="AddList"/>).
/// </summary>
public sealed class QueryParameters : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    /// <summary>Adds a member when it has a value.</summary>
    public QueryParameters Add(string name, string? value)
    {
        if (value is not null) _pairs.Add(new(name, value));
        return this;
    }

    /// <summary>Adds a number when it has a value.</summary>
    public QueryParameters Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean as <c>true</c>/<c>false</c> when it has a value.</summary>
    public QueryParameters Add(string name, bool? value) =>
        Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds a list of strings as <c>Name.1</c>, <c>Name.2</c>… (EC2 style).</summary>
    public QueryParameters AddList(string name, IEnumerable<string>? values)
    {
        var index = 0;
        foreach (var value in values ?? []) Add($"{name}.{++index}", value);
        return this;
    }

    /// <summary>Adds a list of strings as <c>Name.member.1</c>, <c>Name.member.2</c>… (ELBv2, IAM and STS style).</summary>
    public QueryParameters AddMemberList(string name, IEnumerable<string>? values) => AddList($"{name}.member", values);

    /// <summary>Adds a list of structures as <c>Name.member.N.…</c> (IAM and STS style).</summary>
    public QueryParameters AddMembers<T>(string name, IEnumerable<T>? items, Action<QueryParameters, string, T> addItem) =>
        AddEach($"{name}.member", items, addItem);

    /// <summary>Adds a list of structures as <c>Name.N.…</c> (EC2 style).</summary>
    public QueryParameters AddNumbered<T>(string name, IEnumerable<T>? items, Action<QueryParameters, string, T> addItem) =>
        AddEach(name, items, addItem);

    private QueryParameters AddEach<T>(string prefix, IEnumerable<T>? items, Action<QueryParameters, string, T> addItem)
    {
        var index = 0;
        foreach (var item in items ?? []) addItem(this, $"{prefix}.{++index}", item);
        return this;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
