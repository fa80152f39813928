namespace EcsWorkshop.Aws.Transport;

/// <summary>How AWS error codes are cleaned up, the way the AWS CLI and SDKs do it.</summary>
internal static class AwsErrorCodes
{
    /// <summary>
    /// The bare code: a namespace before the last <c>#</c> is dropped
    /// (<c>com.amazonaws.ecs#ClusterNotFoundException</c>), and so is a <c>:url</c> suffix some services add.
    /// </summary>
    public static string Sanitize(string code)
    {
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) code = code[..colon];
        var hash = code.LastIndexOf('#');
        if (hash >= 0) code = code[(hash + 1)..];
        return code.Trim();
    }

    /// <summary>The code of an <c>x-amzn-query-error</c> header (<c>Code;Sender</c>), or null.</summary>
    public static string? FromQueryErrorHeader(string? header) =>
        string.IsNullOrWhiteSpace(header) ? null : header.Split(';')[0].Trim() is { Length: > 0 } code ? code : null;
}
