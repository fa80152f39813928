using System.Collections.Immutable;

namespace EcsWorkshop.Checks;

/// <summary>One thing a self-check looked at: right (✓) or missing (✗, with how to fix it).</summary>
/// <param name="Ok">True when it is as the hands-on wants.</param>
/// <param name="What">What was looked at and what was found, in Japanese.</param>
/// <param name="Fix">How to put it right (when not <paramref name="Ok"/>), in Japanese; backticks mark code.</param>
public sealed record CheckItem(bool Ok, string What, string? Fix = null)
{
    /// <summary><c>✓ …</c> or <c>✗ … → fix</c>.</summary>
    public override string ToString() => Ok ? $"✓ {What}" : $"✗ {What}" + (Fix is null ? "" : $" → {Fix}");
}

/// <summary>The result of a self-check: its title and every item it looked at.</summary>
public sealed record CheckResult(string Title, ImmutableArray<CheckItem> Items)
{
    /// <summary>
    /// A self-check of one's own: <c>CheckResult.Of("演習", new(ok, "…", "直し方"))</c>. Only a value: a lesson's
    /// exercise calls <c>workshop.Check(…)</c> instead, which makes the same result and reports it to the simulator.
    /// </summary>
    public static CheckResult Of(string title, params CheckItem[] items) => new(title, [.. items]);

    /// <summary>True when every item is right.</summary>
    public bool Passed => Items.All(i => i.Ok);

    /// <summary>The items that are missing.</summary>
    public ImmutableArray<CheckItem> Problems => [.. Items.Where(i => !i.Ok)];

    /// <summary>The check in console text, one item a line.</summary>
    public override string ToString() =>
        $"{(Passed ? "✓" : "✗")} {Title}\n" + string.Join("\n", Items.Select(i => "  " + i));
}
