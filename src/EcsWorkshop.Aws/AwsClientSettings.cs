using System.Text;
using Amazon;
using Amazon.Runtime;
using EcsWorkshop.Aws.Configuration;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws;

/// <summary>
/// Where and as whom the clients talk: the region, the credentials, an optional endpoint override (the simulator
/// at <c>http://127.0.0.1:4566</c>, or moto), the retry policy and the clock retries wait on.
/// <see cref="ToString"/> never shows the credentials' keys.
/// </summary>
public sealed record AwsClientSettings
{
    /// <summary>The access key id the local endpoints are called with (they do not check it).</summary>
    public const string LocalAccessKeyId = "AKIAWORKSHOPEXAMPLE";

    /// <summary>The region requests are signed for and resources land in.</summary>
    public required RegionEndpoint Region { get; init; }

    /// <summary>The credentials requests are signed with.</summary>
    public required AWSCredentials Credentials { get; init; }

    /// <summary>Every service at this URL instead of AWS's endpoints (the simulator, moto); null for real AWS.</summary>
    public Uri? EndpointOverride { get; init; }

    /// <summary>How failed requests are tried again.</summary>
    public AwsRetryPolicy Retry { get; init; } = AwsRetryPolicy.Standard;

    /// <summary>The clock the waits between attempts run on (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long one attempt may take before it counts as a connection failure.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Settings for a local endpoint (the simulator or moto): fixed throwaway credentials, never the machine's.
    /// </summary>
    public static AwsClientSettings ForLocalEndpoint(Uri endpoint, string region = "ap-northeast-1") => new()
    {
        Region = RegionEndpoint.GetBySystemName(region),
        Credentials = new BasicAWSCredentials(LocalAccessKeyId, "workshop-secret-key-example"),
        EndpointOverride = endpoint,
    };

    /// <summary>
    /// Settings for a classroom's simulator (<c>workshop serve --classroom</c>): the room's URL and the learner's own
    /// access key pair from the roster, which the room verifies and which decides the account the resources live in.
    /// </summary>
    public static AwsClientSettings ForClassroom(Uri endpoint, string accessKeyId, string secretAccessKey, string region = "ap-northeast-1") => new()
    {
        Region = RegionEndpoint.GetBySystemName(region),
        Credentials = new BasicAWSCredentials(accessKeyId, secretAccessKey),
        EndpointOverride = endpoint,
    };

    /// <summary>
    /// Settings for a real AWS account, found the way the AWS CLI finds them: the region from
    /// <paramref name="region"/>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c> or the profile; the credentials from
    /// the named profile (SSO included) or, without one, AWSSDK.Core's default chain (environment, profile, SSO,
    /// web identity, instance metadata); the endpoint from <c>AWS_ENDPOINT_URL</c> when set, as the CLI v2 and the SDKs
    /// do (see <see cref="AwsEndpointResolver"/>), else AWS's own.
    /// </summary>
    public static AwsClientSettings ForAccount(string? region = null, string? profile = null) => new()
    {
        Region = AwsRegionResolver.Resolve(region, profile),
        Credentials = AwsCredentialResolver.Resolve(profile),
        EndpointOverride = AwsEndpointResolver.FromEnvironment(),
    };

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Region = ").Append(Region.SystemName)
            .Append(", Credentials = ").Append(Credentials.GetType().Name)
            .Append(", EndpointOverride = ").Append(EndpointOverride?.ToString() ?? "(AWS)")
            .Append(", Retry = ").Append(Retry.MaxAttempts).Append(" attempts");
        return true;
    }
}
