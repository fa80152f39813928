using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace EcsWorkshop.Aws.Configuration;

/// <summary>Finds credentials for a real account with AWSSDK.Core's resolvers.</summary>
public static class AwsCredentialResolver
{
    /// <summary>
    /// The named profile's credentials (static keys, SSO, assume-role…), or without a name AWSSDK.Core's default
    /// chain (<see cref="DefaultAWSCredentialsIdentityResolver"/>: environment, <c>AWS_PROFILE</c>/default profile,
    /// web identity, instance metadata).
    /// </summary>
    public static AWSCredentials Resolve(string? profile = null) =>
        profile is null
            ? DefaultAWSCredentialsIdentityResolver.GetCredentials(null)
            : FromProfile(profile, new CredentialProfileStoreChain());

    /// <summary>The credentials of one profile of a profile source; throws when it has none.</summary>
    public static AWSCredentials FromProfile(string profile, ICredentialProfileSource profiles) =>
        profiles.TryGetProfile(profile, out var found) && AWSCredentialsFactory.TryGetAWSCredentials(found, profiles, out var credentials)
            ? credentials
            : throw new InvalidOperationException($"The AWS profile '{profile}' was not found or has no usable credentials.");
}
