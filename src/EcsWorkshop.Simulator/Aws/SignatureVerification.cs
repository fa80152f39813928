namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// The one access key pair a simulator that verifies signatures accepts, and how far a request's clock may be off
/// from the simulator's. Without it (the default) any signature, or none, is accepted.
/// </summary>
public sealed record SignatureVerification(string AccessKeyId, string SecretAccessKey)
{
    /// <summary>The workshop's documented access key id.</summary>
    public const string WorkshopAccessKeyId = "AKIAWORKSHOPEXAMPLE";

    /// <summary>The workshop's documented secret access key.</summary>
    public const string WorkshopSecretAccessKey = "workshop-secret-key-example";

    /// <summary>The workshop's documented pair.</summary>
    public static SignatureVerification Workshop { get; } = new(WorkshopAccessKeyId, WorkshopSecretAccessKey);

    /// <summary>How far a request's date may be from the simulator's clock, either way (AWS allows 15 minutes).</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Names the access key id only: the secret never ends up in a log.</summary>
    public override string ToString() => $"SignatureVerification {{ AccessKeyId = {AccessKeyId} }}";
}
