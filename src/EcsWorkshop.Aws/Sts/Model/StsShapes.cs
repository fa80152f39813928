namespace EcsWorkshop.Aws.Sts.Model;

/// <summary>Who the credentials belong to: the account, the caller's ARN and its unique id.</summary>
public sealed record CallerIdentity(string? UserId, string? Account, string? Arn);
