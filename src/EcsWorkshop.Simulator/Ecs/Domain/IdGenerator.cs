using System.Security.Cryptography;

namespace EcsWorkshop.Simulator.Ecs.Domain;

/// <summary>
/// Makes the ids ECS hands out, in their real formats. Seeded, it makes the same ids every run (for tests).
/// </summary>
public sealed class IdGenerator(Random random)
{
    private readonly Lock _gate = new();

    /// <summary>Ids from a cryptographic source of randomness.</summary>
    public static IdGenerator Random() => new(new Random(RandomNumberGenerator.GetInt32(int.MaxValue)));

    /// <summary>Ids that repeat for the same seed.</summary>
    public static IdGenerator Seeded(int seed) => new(new Random(seed));

    /// <summary>A task id: 32 lowercase hex digits.</summary>
    public string TaskId() => Hex(16);

    /// <summary>A deployment id: <c>ecs-svc/</c> and 19 digits.</summary>
    public string DeploymentId()
    {
        lock (_gate) return "ecs-svc/" + random.NextInt64(1_000_000_000_000_000_000, long.MaxValue).ToString("D19");
    }

    /// <summary>A random UUID (containers, attachments, events).</summary>
    public string Uuid()
    {
        var bytes = Bytes(16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    /// <summary>An elastic network interface id: <c>eni-</c> and 17 hex digits.</summary>
    public string NetworkInterfaceId() => "eni-" + Hex(9)[..17];

    /// <summary>A MAC address, as ECS shows the ENI's.</summary>
    public string MacAddress() => string.Join(':', Bytes(6).Select(x => x.ToString("x2")));

    /// <summary><paramref name="byteCount"/> random bytes as lowercase hex.</summary>
    public string Hex(int byteCount) => Convert.ToHexStringLower(Bytes(byteCount));

    /// <summary>A whole number in [min, max).</summary>
    public int Next(int min, int max)
    {
        lock (_gate) return random.Next(min, max);
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        lock (_gate) random.NextBytes(bytes);
        return bytes;
    }
}
