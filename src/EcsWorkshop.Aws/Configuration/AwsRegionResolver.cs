using Amazon;
using Amazon.Runtime.CredentialManagement;

namespace EcsWorkshop.Aws.Configuration;

/// <summary>
/// Finds the region as the AWS CLI does: explicit, then <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then the
/// profile's <c>region</c> (the named profile, else <c>AWS_PROFILE</c>, else <c>default</c>).
/// AWSSDK.Core 4.1's own <c>FallbackRegionFactory</c> is not used: it ignores <c>AWS_DEFAULT_REGION</c> (which the
/// CLI and the workshop's instructions use) and asks the EC2 instance metadata service, which on a laptop only costs time.
/// </summary>
public static class AwsRegionResolver
{
    /// <summary>Where the region was found.</summary>
    public enum Source
    {
        Explicit,
        AwsRegionVariable,
        AwsDefaultRegionVariable,
        Profile,
    }

    /// <summary>The region from the machine's settings; throws when none is set.</summary>
    public static RegionEndpoint Resolve(string? region = null, string? profile = null) =>
        Find(region, profile, Environment.GetEnvironmentVariable, new CredentialProfileStoreChain())?.Region
        ?? throw new InvalidOperationException(
            "No AWS region is set. Pass one, or set AWS_REGION or AWS_DEFAULT_REGION, or a region in the profile (aws configure).");

    /// <summary>The region and where it came from, or null when nothing names one.</summary>
    public static (RegionEndpoint Region, Source Source)? Find(
        string? region, string? profile, Func<string, string?> environment, ICredentialProfileSource profiles)
    {
        if (!string.IsNullOrWhiteSpace(region)) return (RegionEndpoint.GetBySystemName(region.Trim()), Source.Explicit);
        if (environment("AWS_REGION") is { Length: > 0 } fromRegion)
            return (RegionEndpoint.GetBySystemName(fromRegion.Trim()), Source.AwsRegionVariable);
        if (environment("AWS_DEFAULT_REGION") is { Length: > 0 } fromDefault)
            return (RegionEndpoint.GetBySystemName(fromDefault.Trim()), Source.AwsDefaultRegionVariable);
        var name = profile ?? environment("AWS_PROFILE") ?? SharedCredentialsFile.DefaultProfileName;
        if (profiles.TryGetProfile(name, out var found) && found.Region is { } fromProfile)
            return (fromProfile, Source.Profile);
        return null;
    }
}
