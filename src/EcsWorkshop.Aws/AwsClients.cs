using EcsWorkshop.Aws.AutoScaling;
using EcsWorkshop.Aws.Ec2;
using EcsWorkshop.Aws.Ecr;
using EcsWorkshop.Aws.Ecs;
using EcsWorkshop.Aws.Elb;
using EcsWorkshop.Aws.Iam;
using EcsWorkshop.Aws.Logs;
using EcsWorkshop.Aws.Sts;

namespace EcsWorkshop.Aws;

/// <summary>
/// Every client for one set of settings, made when first used and disposed together:
/// <c>using var aws = AwsClients.ForLocalEndpoint(new Uri("http://127.0.0.1:4566"));</c> then <c>aws.Ecs…</c>.
/// </summary>
public sealed class AwsClients(AwsClientSettings settings) : IDisposable
{
    private readonly Lazy<EcsClient> _ecs = new(() => new EcsClient(settings));
    private readonly Lazy<EcrClient> _ecr = new(() => new EcrClient(settings));
    private readonly Lazy<LogsClient> _logs = new(() => new LogsClient(settings));
    private readonly Lazy<IamClient> _iam = new(() => new IamClient(settings));
    private readonly Lazy<StsClient> _sts = new(() => new StsClient(settings));
    private readonly Lazy<Ec2Client> _ec2 = new(() => new Ec2Client(settings));
    private readonly Lazy<ElbClient> _elb = new(() => new ElbClient(settings));
    private readonly Lazy<ApplicationAutoScalingClient> _autoScaling = new(() => new ApplicationAutoScalingClient(settings));

    /// <summary>Clients for a local endpoint (the simulator, moto) with throwaway credentials.</summary>
    public static AwsClients ForLocalEndpoint(Uri endpoint, string region = "ap-northeast-1") =>
        new(AwsClientSettings.ForLocalEndpoint(endpoint, region));

    /// <summary>Clients for a real account, with the machine's region and credentials (see <see cref="AwsClientSettings.ForAccount"/>).</summary>
    public static AwsClients ForAccount(string? region = null, string? profile = null) =>
        new(AwsClientSettings.ForAccount(region, profile));

    /// <summary>The settings every client uses.</summary>
    public AwsClientSettings Settings { get; } = settings;

    public EcsClient Ecs => _ecs.Value;
    public EcrClient Ecr => _ecr.Value;
    public LogsClient Logs => _logs.Value;
    public IamClient Iam => _iam.Value;
    public StsClient Sts => _sts.Value;
    public Ec2Client Ec2 => _ec2.Value;
    public ElbClient Elb => _elb.Value;
    public ApplicationAutoScalingClient AutoScaling => _autoScaling.Value;

    public void Dispose()
    {
        if (_ecs.IsValueCreated) _ecs.Value.Dispose();
        if (_ecr.IsValueCreated) _ecr.Value.Dispose();
        if (_logs.IsValueCreated) _logs.Value.Dispose();
        if (_iam.IsValueCreated) _iam.Value.Dispose();
        if (_sts.IsValueCreated) _sts.Value.Dispose();
        if (_ec2.IsValueCreated) _ec2.Value.Dispose();
        if (_elb.IsValueCreated) _elb.Value.Dispose();
        if (_autoScaling.IsValueCreated) _autoScaling.Value.Dispose();
    }
}
