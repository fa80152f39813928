using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace EcsWorkshop.Images;

/// <summary>An image platform such as <c>linux/amd64</c> or <c>linux/arm64/v8</c>.</summary>
public sealed record Platform(
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("variant"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Variant = null)
{
    /// <summary>The platform ECS on Fargate runs by default, and the default of every build here.</summary>
    public static readonly Platform LinuxAmd64 = new("linux", "amd64");

    /// <summary>Parses <c>os/arch[/variant]</c> (also accepting <c>x86_64</c> and <c>aarch64</c>); false when malformed.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Platform? platform)
    {
        platform = null;
        var parts = (text ?? "").Trim().ToLowerInvariant().Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiLetterOrDigit))) return false;
        var architecture = parts[1] switch
        {
            "x86_64" or "x86-64" => "amd64",
            "aarch64" => "arm64",
            var other => other,
        };
        platform = new Platform(parts[0], architecture, parts.Length == 3 ? parts[2] : null);
        return true;
    }

    /// <summary>True when an image built for <paramref name="other"/> runs here (a missing variant matches any).</summary>
    public bool Matches(Platform other) =>
        Os == other.Os && Architecture == other.Architecture && (Variant is null || other.Variant is null || Variant == other.Variant);

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
