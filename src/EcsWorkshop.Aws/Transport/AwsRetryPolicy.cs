using System.Net;

namespace EcsWorkshop.Aws.Transport;

/// <summary>
/// When and how long to wait before trying a request again: throttling errors, server faults (500, 502, 503, 504)
/// and connection failures are retried with exponential backoff and full jitter, as the AWS SDKs' "standard" mode
/// does; any other client error (4xx) is final.
/// </summary>
public sealed record AwsRetryPolicy
{
    /// <summary>Three attempts, backoff base 1 s, at most 20 s between attempts (the SDKs' standard mode).</summary>
    public static AwsRetryPolicy Standard { get; } = new();

    /// <summary>One attempt only.</summary>
    public static AwsRetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts in all, the first one included (at least 1).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The ceiling of the first backoff; it doubles with every further retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Error codes that mean "slow down" (the list the AWS SDKs retry on).</summary>
    public static IReadOnlySet<string> ThrottlingCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    };

    /// <summary>Error codes for transient failures that are worth another try.</summary>
    public static IReadOnlySet<string> TransientCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
    };

    /// <summary>True when the service's answer is worth another attempt.</summary>
    public static bool IsRetryable(AwsServiceException error) =>
        error.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests
        || ThrottlingCodes.Contains(error.ErrorCode)
        || TransientCodes.Contains(error.ErrorCode);

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1 for the second attempt): a uniformly random share
    /// (<paramref name="random"/> in [0, 1)) of min(<see cref="MaxDelay"/>, <see cref="BaseDelay"/> × 2^(retry−1)).
    /// </summary>
    public TimeSpan DelayBefore(int retry, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        return TimeSpan.FromMilliseconds(ceiling * Math.Clamp(random, 0, 1));
    }
}
