using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// How the JSON services treat request signatures: by default any signature (or none) is accepted and only the
/// region is read from its credential scope; with <see cref="SignatureVerification"/> every request must carry a
/// valid SigV4 signature made with the accepted key pair, for the service it calls.
/// </summary>
public sealed class RequestSigning(SignatureVerification? verification, TimeProvider time)
{
    private readonly SigV4Verifier? _verifier = verification is null ? null : new SigV4Verifier(verification, time);

    /// <summary>
    /// The region a request was signed for (verified first when signatures are checked; otherwise read from the
    /// credential scope, or <see cref="RequestContext.DefaultRegion"/>). Throws AWS's authentication errors.
    /// </summary>
    public string RegionOf(HttpRequest request, byte[] body, string? signingName)
    {
        if (_verifier is null)
            return SigV4CredentialScope.RegionOf(request.Headers.Authorization) ?? RequestContext.DefaultRegion;
        var scope = _verifier.Verify(Signable(request, body));
        if (signingName is not null && scope.Service != signingName)
            throw AwsErrors.WrongServiceScope.At(signingName);
        return scope.Region;
    }

    private static SignableRequest Signable(HttpRequest request, byte[] body)
    {
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
        var question = target.IndexOf('?');
        var headers = request.Headers.ToDictionary(
            h => h.Key,
            h => (IReadOnlyList<string>)[.. h.Value.Select(v => v ?? "")],
            StringComparer.OrdinalIgnoreCase);
        return new SignableRequest(
            request.Method,
            question < 0 ? target : target[..question],
            question < 0 ? "" : target[(question + 1)..],
            headers,
            body);
    }
}
