namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// The id of each answered request (<c>x-amzn-RequestId</c>, <c>RequestId</c>): a random version 4 UUID, as AWS's
/// look. Drawn from <see cref="Random.Shared"/>: an id is not a secret, and <see cref="Guid.NewGuid"/> asks the kernel
/// for random bytes on every call (a system call per request, 5 % of DescribeServices' handler in the profile).
/// </summary>
public static class RequestIds
{
    /// <summary>A new request id, for example <c>0f8fad5b-d9cb-469f-a165-70867728950e</c>.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4: the high nibble of the third group (little-endian in Guid's bytes)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString();
    }
}
