namespace EcsWorkshop.Simulator.Accounts;

/// <summary>
/// One learner of a classroom: a name the host knows them by, the simulated AWS account their resources live in, and the
/// access key pair their requests are signed with.
/// </summary>
public sealed record Learner(string Name, string AccountId, string AccessKeyId, string SecretAccessKey)
{
    /// <summary>Names the learner, the account and the access key id only: the secret never ends up in a log.</summary>
    public override string ToString() => $"Learner {{ Name = {Name}, AccountId = {AccountId}, AccessKeyId = {AccessKeyId} }}";
}
