using EcsWorkshop.Aws.Sts.Model;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Sts;

/// <summary>AWS STS over the query protocol (version <c>2011-06-15</c>, signing name <c>sts</c>).</summary>
public sealed class StsClient : IDisposable
{
    /// <summary>The API version every request names.</summary>
    public const string ApiVersion = "2011-06-15";

    private readonly AwsQueryClient _query;

    public StsClient(AwsClientSettings settings) => _query = new AwsQueryClient(AwsService.Sts, ApiVersion, settings);

    /// <summary>The URL requests go to.</summary>
    public Uri Endpoint => _query.Endpoint;

    /// <summary>Who the credentials belong to (needs no permission at all: a good first call).</summary>
    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken = default)
    {
        var root = await _query.InvokeAsync("GetCallerIdentity", new QueryParameters(), cancellationToken).ConfigureAwait(false);
        var result = root.Result("GetCallerIdentity");
        return new CallerIdentity(result.ChildText("UserId"), result.ChildText("Account"), result.ChildText("Arn"));
    }

    public void Dispose() => _query.Dispose();
}
