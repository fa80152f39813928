using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>The credential scope a request was signed for: <c>DATE/REGION/SERVICE/aws4_request</c>.</summary>
public sealed record SigV4Scope(string Date, string Region, string Service)
{
    public override string ToString() => $"{Date}/{Region}/{Service}/aws4_request";
}

/// <summary>A request whose signature checked out: the scope it was signed for and the key pair that signed it.</summary>
public sealed record VerifiedSignature(SigV4Scope Scope, AccessKey Key);

/// <summary>
/// Checks a request's AWS Signature Version 4 the way AWS does, against the access key pairs the simulator
/// accepts (<see cref="AccessKeys"/>): the Authorization header is complete, the key id is known, the date is within the allowed skew and
/// matches the scope, and the signature recomputed over the headers the client signed and the body as received
/// is the one sent. Refusals are AWS's errors, in AWS's words.
/// </summary>
public sealed class SigV4Verifier(AccessKeys keys, TimeProvider time)
{
    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>A verifier accepting the one pair of <paramref name="verification"/> (signing for the single-learner account).</summary>
    public SigV4Verifier(SignatureVerification verification, TimeProvider time)
        : this(AccessKeys.Single(verification, EcsWorkshop.Facts.Simulator.SimulatedAccount.Id), time)
    {
    }

    /// <summary>Verifies the request; returns the scope it was signed for, or throws the error AWS would answer with.</summary>
    public SigV4Scope Verify(SignableRequest request) => Authenticate(request).Scope;

    /// <summary>Verifies the request; returns the scope it was signed for and the key that signed it, or throws AWS's error.</summary>
    public VerifiedSignature Authenticate(SignableRequest request)
    {
        var authorization = request.Header("Authorization");
        if (string.IsNullOrWhiteSpace(authorization)) throw AwsErrors.MissingAuthenticationToken.At();
        var header = AuthorizationHeader.Parse(authorization);
        var (amzDate, signedAt) = RequestDate(request);
        var missing = header.Missing(hasDate: amzDate is not null);
        if (missing.Count > 0) throw AwsErrors.AuthorizationIncomplete.At(string.Join(" ", missing));

        var credential = header.Credential!.Split('/');
        if (credential.Length != 5 || credential.Take(4).Any(string.IsNullOrEmpty))
            throw AwsErrors.CredentialShape.At();
        if (credential[4] != "aws4_request")
            throw AwsErrors.CredentialTerminator.At(credential[4]);
        var scope = new SigV4Scope(credential[1], credential[2], credential[3]);
        if (keys.Find(credential[0]) is not { } key || request.Header("X-Amz-Security-Token") is not null)
            throw AwsErrors.UnrecognizedClient.At();

        var signedHeaders = header.SignedHeaders!.Split(';').Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!signedHeaders.Contains("host"))
            throw AwsErrors.HostNotSigned.At();
        RequireCurrent(amzDate!, signedAt!.Value);
        if (scope.Date != amzDate![..8])
            throw AwsErrors.ScopeDateMismatch.At(scope.Date, amzDate[..8], amzDate);

        var canonical = SigV4.CanonicalRequest(request, signedHeaders, SigV4.Hash(request.Body));
        var expected = SigV4.Signature(key.SecretAccessKey, scope.Date, scope.Region, scope.Service,
            SigV4.StringToSign(amzDate, scope.ToString(), canonical));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header.Signature!.ToLowerInvariant())))
            throw AwsErrors.SignatureMismatch.At();
        return new VerifiedSignature(scope, key);
    }

    /// <summary>The request's date as signed (<c>X-Amz-Date</c>, else <c>Date</c>), in SigV4's basic format, and when that is.</summary>
    private static (string? AmzDate, DateTimeOffset? At) RequestDate(SignableRequest request)
    {
        if (request.Header("X-Amz-Date") is { } amzDate)
        {
            return DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? (amzDate, at)
                : throw AwsErrors.DateFormat.At(amzDate);
        }
        if (request.Header("Date") is { } date && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return (parsed.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture), parsed);
        return (null, null);
    }

    private void RequireCurrent(string amzDate, DateTimeOffset signedAt)
    {
        var now = time.GetUtcNow();
        var skew = keys.MaxClockSkew;
        var minutes = skew.TotalMinutes.ToString(CultureInfo.InvariantCulture);
        if (signedAt < now - skew)
            throw AwsErrors.SignatureExpired.At(amzDate, Format(now - skew), Format(now), minutes);
        if (signedAt > now + skew)
            throw AwsErrors.SignatureNotYetCurrent.At(amzDate, Format(now + skew), Format(now), minutes);
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    /// <summary>The parts of an <c>AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c> header.</summary>
    private sealed record AuthorizationHeader(string Algorithm, string? Credential, string? SignedHeaders, string? Signature)
    {
        public static AuthorizationHeader Parse(string header)
        {
            var space = header.IndexOf(' ');
            var algorithm = space < 0 ? header : header[..space];
            var parameters = (space < 0 ? "" : header[(space + 1)..])
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Where(p => p.Length == 2)
                .GroupBy(p => p[0].Trim(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.Ordinal);
            return new AuthorizationHeader(algorithm, parameters.GetValueOrDefault("Credential"),
                parameters.GetValueOrDefault("SignedHeaders"), parameters.GetValueOrDefault("Signature"));
        }

        /// <summary>What AWS says is missing, in its words (empty when the header is complete).</summary>
        public List<string> Missing(bool hasDate)
        {
            var missing = new List<string>();
            if (Algorithm != SigV4.Algorithm) missing.Add($"Unsupported authorization type: '{Algorithm}'; requests must be signed with {SigV4.Algorithm}.");
            if (string.IsNullOrEmpty(Credential)) missing.Add("Authorization header requires 'Credential' parameter.");
            if (string.IsNullOrEmpty(Signature)) missing.Add("Authorization header requires 'Signature' parameter.");
            if (string.IsNullOrEmpty(SignedHeaders)) missing.Add("Authorization header requires 'SignedHeaders' parameter.");
            if (!hasDate) missing.Add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
            return missing;
        }
    }
}
