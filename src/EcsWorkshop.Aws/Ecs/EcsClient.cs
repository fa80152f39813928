using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Ecs;

/// <summary>
/// Amazon ECS over AWS JSON 1.1 (target prefix <c>AmazonEC2ContainerServiceV20141113</c>, signing name <c>ecs</c>).
/// One method per operation, taking and returning the wire shapes of <see cref="Model"/>; paging helpers are in
/// <c>EcsClient.Paging.cs</c>.
/// </summary>
public sealed partial class EcsClient : IDisposable
{
    /// <summary>The <c>X-Amz-Target</c> prefix of ECS.</summary>
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113";

    private readonly AwsJsonClient _json;

    public EcsClient(AwsClientSettings settings) => _json = new AwsJsonClient(AwsService.Ecs, TargetPrefix, settings);

    /// <summary>The URL requests go to.</summary>
    public Uri Endpoint => _json.Endpoint;

    /// <summary>Creates a cluster (or returns the existing one of that name).</summary>
    public Task<CreateClusterResponse> CreateClusterAsync(CreateClusterRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("CreateCluster", request, EcsJsonContext.Default.CreateClusterRequest, EcsJsonContext.Default.CreateClusterResponse, cancellationToken);

    /// <summary>Describes clusters; unknown ones come back as failures (<c>MISSING</c>).</summary>
    public Task<DescribeClustersResponse> DescribeClustersAsync(DescribeClustersRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DescribeClusters", request, EcsJsonContext.Default.DescribeClustersRequest, EcsJsonContext.Default.DescribeClustersResponse, cancellationToken);

    /// <summary>Lists cluster ARNs, one page.</summary>
    public Task<ListClustersResponse> ListClustersAsync(ListClustersRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("ListClusters", request, EcsJsonContext.Default.ListClustersRequest, EcsJsonContext.Default.ListClustersResponse, cancellationToken);

    /// <summary>Deletes a cluster (it turns INACTIVE).</summary>
    public Task<DeleteClusterResponse> DeleteClusterAsync(DeleteClusterRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DeleteCluster", request, EcsJsonContext.Default.DeleteClusterRequest, EcsJsonContext.Default.DeleteClusterResponse, cancellationToken);

    /// <summary>Sets a cluster's capacity providers (all of them) and its default capacity provider strategy.</summary>
    public Task<PutClusterCapacityProvidersResponse> PutClusterCapacityProvidersAsync(PutClusterCapacityProvidersRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("PutClusterCapacityProviders", request, EcsJsonContext.Default.PutClusterCapacityProvidersRequest,
            EcsJsonContext.Default.PutClusterCapacityProvidersResponse, cancellationToken);

    /// <summary>Registers a new revision of a task definition family.</summary>
    public Task<RegisterTaskDefinitionResponse> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("RegisterTaskDefinition", request, EcsJsonContext.Default.RegisterTaskDefinitionRequest, EcsJsonContext.Default.RegisterTaskDefinitionResponse, cancellationToken);

    /// <summary>Describes a task definition by family, family:revision or ARN.</summary>
    public Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(DescribeTaskDefinitionRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DescribeTaskDefinition", request, EcsJsonContext.Default.DescribeTaskDefinitionRequest, EcsJsonContext.Default.DescribeTaskDefinitionResponse, cancellationToken);

    /// <summary>Lists task definition ARNs, one page.</summary>
    public Task<ListTaskDefinitionsResponse> ListTaskDefinitionsAsync(ListTaskDefinitionsRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("ListTaskDefinitions", request, EcsJsonContext.Default.ListTaskDefinitionsRequest, EcsJsonContext.Default.ListTaskDefinitionsResponse, cancellationToken);

    /// <summary>Deregisters a revision (it turns INACTIVE).</summary>
    public Task<DeregisterTaskDefinitionResponse> DeregisterTaskDefinitionAsync(DeregisterTaskDefinitionRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DeregisterTaskDefinition", request, EcsJsonContext.Default.DeregisterTaskDefinitionRequest, EcsJsonContext.Default.DeregisterTaskDefinitionResponse, cancellationToken);

    /// <summary>Creates a service.</summary>
    public Task<CreateServiceResponse> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("CreateService", request, EcsJsonContext.Default.CreateServiceRequest, EcsJsonContext.Default.CreateServiceResponse, cancellationToken);

    /// <summary>Describes up to 10 services.</summary>
    public Task<DescribeServicesResponse> DescribeServicesAsync(DescribeServicesRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DescribeServices", request, EcsJsonContext.Default.DescribeServicesRequest, EcsJsonContext.Default.DescribeServicesResponse, cancellationToken);

    /// <summary>Lists the ARNs of a cluster's ACTIVE services, one page.</summary>
    public Task<ListServicesResponse> ListServicesAsync(ListServicesRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("ListServices", request, EcsJsonContext.Default.ListServicesRequest, EcsJsonContext.Default.ListServicesResponse, cancellationToken);

    /// <summary>Changes a service (desired count, task definition, new deployment…).</summary>
    public Task<UpdateServiceResponse> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("UpdateService", request, EcsJsonContext.Default.UpdateServiceRequest, EcsJsonContext.Default.UpdateServiceResponse, cancellationToken);

    /// <summary>Deletes a service (it drains, then turns INACTIVE).</summary>
    public Task<DeleteServiceResponse> DeleteServiceAsync(DeleteServiceRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DeleteService", request, EcsJsonContext.Default.DeleteServiceRequest, EcsJsonContext.Default.DeleteServiceResponse, cancellationToken);

    /// <summary>Starts tasks from a task definition.</summary>
    public Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("RunTask", request, EcsJsonContext.Default.RunTaskRequest, EcsJsonContext.Default.RunTaskResponse, cancellationToken);

    /// <summary>Stops a task.</summary>
    public Task<StopTaskResponse> StopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("StopTask", request, EcsJsonContext.Default.StopTaskRequest, EcsJsonContext.Default.StopTaskResponse, cancellationToken);

    /// <summary>Describes up to 100 tasks.</summary>
    public Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("DescribeTasks", request, EcsJsonContext.Default.DescribeTasksRequest, EcsJsonContext.Default.DescribeTasksResponse, cancellationToken);

    /// <summary>Lists task ARNs, one page.</summary>
    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("ListTasks", request, EcsJsonContext.Default.ListTasksRequest, EcsJsonContext.Default.ListTasksResponse, cancellationToken);

    /// <summary>Adds or replaces tags on a cluster, service, task or task definition.</summary>
    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("TagResource", request, EcsJsonContext.Default.TagResourceRequest, EcsJsonContext.Default.TagResourceResponse, cancellationToken);

    /// <summary>Lists a resource's tags.</summary>
    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default) =>
        _json.InvokeAsync("ListTagsForResource", request, EcsJsonContext.Default.ListTagsForResourceRequest, EcsJsonContext.Default.ListTagsForResourceResponse, cancellationToken);

    public void Dispose() => _json.Dispose();
}
