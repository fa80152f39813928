using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace EcsWorkshop.Images;

/// <summary>
/// A content digest, <c>sha256:</c> followed by 64 lower-case hex digits: the name of a blob or manifest (sha256 is
/// the one algorithm every registry must accept). The builder, the push client and the simulator's registry all use it.
/// </summary>
public readonly record struct Digest
{
    private const string Prefix = "sha256:";

    private Digest(string hex) => Hex = hex;

    /// <summary>The 64 lower-case hex digits.</summary>
    public string Hex { get; }

    /// <summary>The SHA-256 digest of some bytes.</summary>
    public static Digest Of(ReadOnlySpan<byte> bytes) => new(Convert.ToHexStringLower(SHA256.HashData(bytes)));

    /// <summary>The digest of a finished incremental hash.</summary>
    public static Digest Of(IncrementalHash hash) => new(Convert.ToHexStringLower(hash.GetHashAndReset()));

    /// <summary>The SHA-256 digest of a stream, read to its end.</summary>
    public static Digest Of(Stream content) => new(Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <summary>The SHA-256 digest of a file's content.</summary>
    public static Digest OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Of(stream);
    }

    /// <summary>Parses <c>sha256:…</c>; false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Digest digest)
    {
        digest = default;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length != Prefix.Length + 64) return false;
        var hex = text[Prefix.Length..];
        if (!hex.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f')) return false;
        digest = new Digest(hex);
        return true;
    }

    /// <summary>Parses <c>sha256:…</c> or throws <see cref="FormatException"/>.</summary>
    public static Digest Parse(string text) =>
        TryParse(text, out var digest) ? digest : throw new FormatException($"'{text}' is not a sha256 digest.");

    public override string ToString() => Prefix + Hex;
}
