namespace EcsWorkshop.Facts.Wire;

/// <summary>
/// The spellings an AWS API gives the values of one enum, both ways: the value a wire name means (case-sensitive,
/// as AWS compares them) and the wire name of a value. The names keep the order of the API model, which is the order
/// AWS lists them in when it refuses a value.
/// </summary>
public sealed class WireNames<T> where T : notnull
{
    private readonly Dictionary<string, T> _byName;
    private readonly Dictionary<T, string> _byValue;

    /// <summary>A table of (wire name, value) pairs; each name and each value appears once.</summary>
    public WireNames(params (string Name, T Value)[] pairs)
    {
        Names = [.. pairs.Select(p => p.Name)];
        _byName = pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        _byValue = pairs.ToDictionary(p => p.Value, p => p.Name);
    }

    /// <summary>Every wire name, in the API model's order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The value a wire name means; false for a name the API does not have (compared case-sensitively).</summary>
    public bool TryParse(string? name, out T value)
    {
        if (name is not null && _byName.TryGetValue(name, out var found))
        {
            value = found;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>The wire name of a value; throws for a value the table does not list.</summary>
    public string NameOf(T value) =>
        _byValue.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, "The value has no wire name.");
}

/// <summary>Tables of AWS enums whose values are their own wire names (strings kept as AWS spells them).</summary>
public static class WireNames
{
    /// <summary>A table in which each name stands for itself.</summary>
    public static WireNames<string> Of(params string[] names) => new([.. names.Select(n => (n, n))]);
}
