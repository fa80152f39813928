namespace EcsWorkshop.Aws.Configuration;

/// <summary>
/// The endpoint every service is called at instead of AWS's, as the AWS CLI v2 and the AWS SDKs read it:
/// <c>AWS_ENDPOINT_URL</c> (an emulator such as moto, or a proxy); unless <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c>
/// is <c>true</c>. Unset: AWS's own endpoints.
/// </summary>
public static class AwsEndpointResolver
{
    /// <summary>The variable naming the endpoint.</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL";

    /// <summary>The variable that makes the SDKs and the CLI ignore configured endpoints.</summary>
    public const string IgnoreVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>The machine's endpoint override, or null.</summary>
    public static Uri? FromEnvironment() => Find(Environment.GetEnvironmentVariable);

    /// <summary>The endpoint override the variables name, or null; a value that is not an absolute http(s) URL is an error.</summary>
    public static Uri? Find(Func<string, string?> environment)
    {
        if (string.Equals(environment(IgnoreVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase)) return null;
        if (environment(EndpointVariable) is not { Length: > 0 } value) return null;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"{EndpointVariable} must be an http(s) URL, not '{value}'.");
        return endpoint;
    }
}
