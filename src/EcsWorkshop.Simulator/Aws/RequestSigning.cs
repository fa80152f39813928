using EcsWorkshop.Facts.Simulator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>Who made a request, as its signature says: the region it was signed for and the account it acts on.</summary>
public sealed record Caller(string Region, string AccountId);

/// <summary>
/// How the services treat request signatures: by default any signature (or none) is accepted, only the region is read
/// from its credential scope, and every request acts on the one account; with <see cref="AccessKeys"/> every request
/// must carry a valid SigV4 signature made with an accepted key pair, for the service it calls, and acts on the
/// account of that key (a classroom's learner).
/// </summary>
public sealed class RequestSigning
{
    private readonly AccessKeys? _keys;
    private readonly SigV4Verifier? _verifier;
    private readonly string _account;

    /// <summary>Signatures verified against <paramref name="keys"/> (null: not verified, every request acts on <paramref name="account"/>).</summary>
    public RequestSigning(AccessKeys? keys, string account, TimeProvider time)
    {
        _keys = keys;
        _account = account;
        _verifier = keys is null ? null : new SigV4Verifier(keys, time);
    }

    /// <summary>The single-learner simulator: signatures verified against <paramref name="verification"/> when given.</summary>
    public RequestSigning(SignatureVerification? verification, TimeProvider time)
        : this(verification is null ? null : AccessKeys.Single(verification, SimulatedAccount.Id), SimulatedAccount.Id, time)
    {
    }

    /// <summary>Whether requests must be signed.</summary>
    public bool Verifies => _verifier is not null;

    /// <summary>
    /// The region a request was signed for (verified first when signatures are checked; otherwise read from the
    /// credential scope, or <see cref="RequestContext.DefaultRegion"/>). Throws AWS's authentication errors.
    /// </summary>
    public string RegionOf(HttpRequest request, byte[] body, string? signingName) => CallerOf(request, body, signingName).Region;

    /// <summary>
    /// Who made the request: its region (as <see cref="RegionOf"/>) and the account of the key that signed it (the one
    /// account when signatures are not verified). Throws AWS's authentication errors.
    /// </summary>
    public Caller CallerOf(HttpRequest request, byte[] body, string? signingName)
    {
        if (_verifier is null)
            return new Caller(SigV4CredentialScope.RegionOf(request.Headers.Authorization) ?? RequestContext.DefaultRegion, _account);
        var verified = _verifier.Authenticate(Signable(request, body));
        if (signingName is not null && verified.Scope.Service != signingName)
            throw AwsErrors.WrongServiceScope.At(signingName);
        return new Caller(verified.Scope.Region, verified.Key.AccountId);
    }

    /// <summary>
    /// The account a request says it acts on, without checking its signature (to attribute a refused request to a
    /// learner): the account of the access key in its credential scope, or null when that key is not accepted.
    /// </summary>
    public string? ClaimedAccountOf(HttpRequest request)
    {
        if (_keys is null) return _account;
        return SigV4CredentialScope.AccessKeyOf(request.Headers.Authorization) is { } id ? _keys.Find(id)?.AccountId : null;
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
