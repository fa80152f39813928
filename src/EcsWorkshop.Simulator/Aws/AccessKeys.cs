using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>An access key pair the simulator accepts, and the account whose resources its requests act on.</summary>
public sealed record AccessKey(string AccessKeyId, string SecretAccessKey, string AccountId)
{
    /// <summary>Names the access key id and the account only: the secret never ends up in a log.</summary>
    public override string ToString() => $"AccessKey {{ AccessKeyId = {AccessKeyId}, AccountId = {AccountId} }}";
}

/// <summary>
/// The access keys whose SigV4 signatures a simulator accepts: one pair for a single learner
/// (<c>--verify-signatures</c>), or every learner's pair of a classroom's roster, each signing for the learner's account.
/// </summary>
public sealed class AccessKeys
{
    private readonly Dictionary<string, AccessKey> _byId;

    private AccessKeys(IEnumerable<AccessKey> keys, TimeSpan maxClockSkew)
    {
        _byId = keys.ToDictionary(k => k.AccessKeyId, StringComparer.Ordinal);
        MaxClockSkew = maxClockSkew;
    }

    /// <summary>How far a request's date may be from the simulator's clock, either way (AWS allows 15 minutes).</summary>
    public TimeSpan MaxClockSkew { get; }

    /// <summary>The one pair of a single-learner simulator, signing for <paramref name="accountId"/>.</summary>
    public static AccessKeys Single(SignatureVerification verification, string accountId) =>
        new([new AccessKey(verification.AccessKeyId, verification.SecretAccessKey, accountId)], verification.MaxClockSkew);

    /// <summary>Every learner's pair of <paramref name="roster"/>, each signing for the learner's own account.</summary>
    public static AccessKeys Of(Roster roster) =>
        new(roster.Learners.Select(l => new AccessKey(l.AccessKeyId, l.SecretAccessKey, l.AccountId)), TimeSpan.FromMinutes(15));

    /// <summary>The pair with id <paramref name="accessKeyId"/>, or null when no such key is accepted.</summary>
    public AccessKey? Find(string accessKeyId) => _byId.GetValueOrDefault(accessKeyId);
}
