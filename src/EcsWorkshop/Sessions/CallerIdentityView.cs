namespace EcsWorkshop.Sessions;

/// <summary>Who an AWS mode session runs as: the account and the caller's ARN.</summary>
public sealed record CallerIdentityView(string Account, string Arn);
