using System.Security.Cryptography;
using System.Text.Json;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>Measures of a request as the client sent it, for the rules AWS applies to the request itself.</summary>
public static class SentRequest
{
    /// <summary>The length, in characters, of a top-level member's JSON text as sent (0 when it is absent or null).</summary>
    public static int LengthOf(JsonElement body, string member) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(member, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.GetRawText().Length
            : 0;

    /// <summary>
    /// A digest of a request as read from the wire (its shape written back in the JSON 1.1 form, so whitespace and member
    /// order do not matter): equal for a retried request, different as soon as one member differs.
    /// </summary>
    public static string Fingerprint<TShape>(TShape request) where TShape : class =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, AwsJson.Options)));
}
