using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>What AWS Signature Version 4 signs of an HTTP request, as it came over the wire.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawPath">The path as sent (still percent-encoded), without the query.</param>
/// <param name="RawQuery">The query as sent, without the <c>?</c> (empty when none).</param>
/// <param name="Headers">Every header by name (any case), each with every value it was sent with.</param>
/// <param name="Body">The body's bytes.</param>
public sealed record SignableRequest(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    byte[] Body)
{
    /// <summary>A header's values joined by commas, or null when it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(",", values) : null;
}

/// <summary>
/// The computations of AWS Signature Version 4 (<c>AWS4-HMAC-SHA256</c>): the canonical request built from the
/// headers the client listed as signed, the string to sign for a credential scope, and the HMAC chain from the
/// secret key down to the signature.
/// </summary>
public static class SigV4
{
    /// <summary>The only algorithm SigV4 signs with.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The lowercase hex SHA-256 of some bytes.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// The canonical request: method, canonical URI, canonical query, the signed headers (lowercase name, trimmed
    /// value with runs of spaces made one), the list of signed headers, and the payload hash.
    /// </summary>
    public static string CanonicalRequest(SignableRequest request, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        var text = new StringBuilder();
        text.Append(request.Method.ToUpperInvariant()).Append('\n');
        text.Append(CanonicalUri(request.RawPath)).Append('\n');
        text.Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in signedHeaders)
            text.Append(name).Append(':').Append(CanonicalHeaderValue(request.Headers.TryGetValue(name, out var values) ? values : [])).Append('\n');
        text.Append('\n');
        text.Append(string.Join(';', signedHeaders)).Append('\n');
        text.Append(payloadHash);
        return text.ToString();
    }

    /// <summary>The string to sign for a request dated <paramref name="amzDate"/> under a credential scope.</summary>
    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{Hash(Encoding.UTF8.GetBytes(canonicalRequest))}";

    /// <summary>The signature: the HMAC chain <c>AWS4+secret → date → region → service → aws4_request</c>, then the string to sign.</summary>
    public static string Signature(string secretAccessKey, string date, string region, string service, string stringToSign)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Convert.ToHexStringLower(Hmac(key, stringToSign));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    /// <summary>Each path segment as sent, encoded once more (the rule for every service but S3); <c>/</c> for an empty path.</summary>
    private static string CanonicalUri(string rawPath) =>
        rawPath.Length == 0 ? "/" : string.Join('/', rawPath.Split('/').Select(Encode));

    /// <summary>Every parameter decoded then encoded the SigV4 way, sorted by name and then value.</summary>
    private static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0) return "";
        var parameters = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            return (Name: Encode(Uri.UnescapeDataString(name)), Value: Encode(Uri.UnescapeDataString(value)));
        });
        return string.Join('&', parameters.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));
    }

    private static string CanonicalHeaderValue(IReadOnlyList<string> values) =>
        string.Join(',', values.Select(v => string.Join(' ', v.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));

    /// <summary>SigV4's URI encoding: unreserved characters as they are, every other UTF-8 byte as <c>%XX</c>.</summary>
    private static string Encode(string text)
    {
        var encoded = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                encoded.Append((char)b);
            else
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
