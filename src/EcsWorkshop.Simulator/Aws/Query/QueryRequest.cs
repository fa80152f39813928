using System.Globalization;

namespace EcsWorkshop.Simulator.Aws.Query;

/// <summary>
/// One AWS Query request as the form carried it: <c>Action</c>, <c>Version</c> and the flattened members
/// (<c>Subnets.member.1</c>, <c>Filter.1.Name</c>, <c>Matcher.HttpCode</c>). <see cref="At"/> reads a nested structure
/// as its own request, so lists of structures read like the top level.
/// </summary>
public sealed class QueryRequest
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly string _prefix;

    private QueryRequest(IReadOnlyDictionary<string, string> values, string prefix)
    {
        _values = values;
        _prefix = prefix;
    }

    /// <summary>Reads a form body (<c>a=1&amp;b=2</c>); the last value of a repeated key wins.</summary>
    public static QueryRequest Parse(string form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            values[name] = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
        }
        return new QueryRequest(values, "");
    }

    /// <summary>The operation named by <c>Action</c>, or null.</summary>
    public string? Action => _values.GetValueOrDefault("Action");

    /// <summary>The API version named by <c>Version</c>, or null.</summary>
    public string? Version => _values.GetValueOrDefault("Version");

    /// <summary>A member's text, or null when absent.</summary>
    public string? String(string name) => _values.GetValueOrDefault(_prefix + name);

    /// <summary>Whether the member (or any member under it) was sent.</summary>
    public bool Has(string name) =>
        _values.ContainsKey(_prefix + name) || _values.Keys.Any(k => k.StartsWith(_prefix + name + ".", StringComparison.Ordinal));

    /// <summary>A whole-number member, or null when absent; a value that is not a number is a <see cref="QueryValueException"/>.</summary>
    public int? Int(string name) => String(name) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        var text => throw new QueryValueException(_prefix + name, text),
    };

    /// <summary>A boolean member, or null when absent.</summary>
    public bool? Bool(string name) => String(name) switch
    {
        null => null,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new QueryValueException(_prefix + name, text),
    };

    /// <summary>A nested structure (<c>Matcher</c> for <c>Matcher.HttpCode</c>).</summary>
    public QueryRequest At(string name) => new(_values, _prefix + name + ".");

    /// <summary>
    /// A list of strings, numbered from 1 without gaps: <c>Name.member.N</c> (ELBv2, IAM) or <c>Name.N</c> (EC2).
    /// Null when the list was not sent at all; an empty list when sent bare (<c>SecurityGroups=</c>).
    /// </summary>
    public IReadOnlyList<string>? Strings(string name)
    {
        var items = Numbered(name).Select(prefix => _values[prefix]).ToList();
        if (items.Count > 0) return items;
        return _values.ContainsKey(_prefix + name) ? [] : null;
    }

    /// <summary>A list of structures, each read as its own request (<c>Tags.member.1.Key</c>, <c>Filter.1.Name</c>).</summary>
    public IReadOnlyList<QueryRequest>? Structures(string name)
    {
        var items = new List<QueryRequest>();
        foreach (var style in new[] { name + ".member.", name + "." })
        {
            for (var i = 1; HasUnder(style + i); i++) items.Add(new QueryRequest(_values, _prefix + style + i + "."));
            if (items.Count > 0) return items;
        }
        return _values.ContainsKey(_prefix + name) ? [] : null;
    }

    private IEnumerable<string> Numbered(string name)
    {
        foreach (var style in new[] { name + ".member.", name + "." })
        {
            var found = new List<string>();
            for (var i = 1; _values.ContainsKey(_prefix + style + i); i++) found.Add(_prefix + style + i);
            if (found.Count > 0) return found;
        }
        return [];
    }

    private bool HasUnder(string name) => _values.Keys.Any(k => k.StartsWith(_prefix + name + ".", StringComparison.Ordinal));

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}

/// <summary>A member whose text is not of its type (a port that is not a number).</summary>
public sealed class QueryValueException(string member, string value) : Exception($"Invalid value '{value}' for {member}.")
{
    public string Member { get; } = member;

    public string Value { get; } = value;
}
