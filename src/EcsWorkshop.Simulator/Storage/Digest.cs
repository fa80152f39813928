using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Storage;

/// <summary>A content digest, <c>sha256:</c> and 64 lowercase hex digits (the only algorithm registries must accept).</summary>
public readonly partial record struct Digest
{
    private Digest(string hex) => Hex = hex;

    /// <summary>The 64 hex digits.</summary>
    public string Hex { get; }

    public override string ToString() => "sha256:" + Hex;

    [GeneratedRegex("^sha256:([a-f0-9]{64})$")]
    private static partial Regex Sha256Pattern();

    /// <summary>Parses <c>sha256:…</c>; false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Digest? digest)
    {
        var match = text is null ? null : Sha256Pattern().Match(text);
        digest = match is { Success: true } ? new Digest(match.Groups[1].Value) : null;
        return digest is not null;
    }

    /// <summary>The digest of some bytes.</summary>
    public static Digest Of(ReadOnlySpan<byte> content) => new(Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <summary>The digest of a stream, read to its end.</summary>
    public static Digest Of(Stream content) => new(Convert.ToHexStringLower(SHA256.HashData(content)));
}
