using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Ecs;

// Paging: every page of a list operation, as one stream.
public sealed partial class EcsClient
{
    /// <summary>Every cluster ARN, all pages.</summary>
    public IAsyncEnumerable<string> ListAllClusterArnsAsync(ListClustersRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new();
        return AwsPaging.EnumerateAsync(
            (token, ct) => ListClustersAsync(request with { NextToken = token }, ct),
            page => page.ClusterArns, page => page.NextToken, cancellationToken);
    }

    /// <summary>Every task definition ARN that matches, all pages.</summary>
    public IAsyncEnumerable<string> ListAllTaskDefinitionArnsAsync(ListTaskDefinitionsRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new();
        return AwsPaging.EnumerateAsync(
            (token, ct) => ListTaskDefinitionsAsync(request with { NextToken = token }, ct),
            page => page.TaskDefinitionArns, page => page.NextToken, cancellationToken);
    }

    /// <summary>Every ACTIVE service ARN of a cluster, all pages.</summary>
    public IAsyncEnumerable<string> ListAllServiceArnsAsync(ListServicesRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new();
        return AwsPaging.EnumerateAsync(
            (token, ct) => ListServicesAsync(request with { NextToken = token }, ct),
            page => page.ServiceArns, page => page.NextToken, cancellationToken);
    }

    /// <summary>Every task ARN that matches, all pages.</summary>
    public IAsyncEnumerable<string> ListAllTaskArnsAsync(ListTasksRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new();
        return AwsPaging.EnumerateAsync(
            (token, ct) => ListTasksAsync(request with { NextToken = token }, ct),
            page => page.TaskArns, page => page.NextToken, cancellationToken);
    }
}
