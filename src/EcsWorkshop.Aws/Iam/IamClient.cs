using System.Xml.Linq;
using EcsWorkshop.Aws.Iam.Model;
using EcsWorkshop.Aws.Transport;

namespace EcsWorkshop.Aws.Iam;

/// <summary>
/// AWS IAM over the query protocol (version <c>2010-05-08</c>, signing name <c>iam</c>; a global service, signed
/// for us-east-1 on AWS, for the configured region with an endpoint override).
/// </summary>
public sealed class IamClient : IDisposable
{
    /// <summary>The API version every request names.</summary>
    public const string ApiVersion = "2010-05-08";

    private readonly AwsQueryClient _query;

    public IamClient(AwsClientSettings settings) => _query = new AwsQueryClient(AwsService.Iam, ApiVersion, settings);

    /// <summary>The URL requests go to.</summary>
    public Uri Endpoint => _query.Endpoint;

    /// <summary>Gets a role; <c>NoSuchEntity</c> (404) when there is none of that name.</summary>
    public async Task<Role> GetRoleAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var root = await _query.InvokeAsync("GetRole", new QueryParameters().Add("RoleName", roleName), cancellationToken).ConfigureAwait(false);
        return ReadRole(root.Result("GetRole").Child("Role"));
    }

    /// <summary>Creates a role; <c>EntityAlreadyExists</c> (409) when the name is taken.</summary>
    public async Task<Role> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters()
            .Add("RoleName", request.RoleName)
            .Add("AssumeRolePolicyDocument", request.AssumeRolePolicyDocument)
            .Add("Path", request.Path)
            .Add("Description", request.Description)
            .Add("MaxSessionDuration", request.MaxSessionDuration)
            .AddMembers("Tags", request.Tags, AddTag);
        var root = await _query.InvokeAsync("CreateRole", parameters, cancellationToken).ConfigureAwait(false);
        return ReadRole(root.Result("CreateRole").Child("Role"));
    }

    /// <summary>Attaches a managed policy to a role (attaching it again changes nothing).</summary>
    public Task AttachRolePolicyAsync(string roleName, string policyArn, CancellationToken cancellationToken = default) =>
        _query.InvokeAsync("AttachRolePolicy", new QueryParameters().Add("RoleName", roleName).Add("PolicyArn", policyArn), cancellationToken);

    /// <summary>Lists the managed policies attached to a role, one page.</summary>
    public async Task<ListAttachedRolePoliciesResponse> ListAttachedRolePoliciesAsync(ListAttachedRolePoliciesRequest request, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters()
            .Add("RoleName", request.RoleName)
            .Add("PathPrefix", request.PathPrefix)
            .Add("Marker", request.Marker)
            .Add("MaxItems", request.MaxItems);
        var result = (await _query.InvokeAsync("ListAttachedRolePolicies", parameters, cancellationToken).ConfigureAwait(false))
            .Result("ListAttachedRolePolicies");
        return new ListAttachedRolePoliciesResponse
        {
            AttachedPolicies = [.. result.Child("AttachedPolicies").Items().Select(p => new AttachedPolicy(p.ChildText("PolicyName"), p.ChildText("PolicyArn")))],
            IsTruncated = result.ChildBool("IsTruncated"),
            Marker = result.ChildText("Marker"),
        };
    }

    /// <summary>Every managed policy attached to a role, all pages.</summary>
    public IAsyncEnumerable<AttachedPolicy> ListAllAttachedRolePoliciesAsync(string roleName, CancellationToken cancellationToken = default) =>
        AwsPaging.EnumerateAsync(
            (marker, ct) => ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest { RoleName = roleName, Marker = marker }, ct),
            page => page.AttachedPolicies,
            page => page.IsTruncated == true ? page.Marker : null,
            cancellationToken);

    /// <summary>Adds or replaces tags on a role.</summary>
    public Task TagRoleAsync(string roleName, IReadOnlyList<IamTag> tags, CancellationToken cancellationToken = default) =>
        _query.InvokeAsync("TagRole", new QueryParameters().Add("RoleName", roleName).AddMembers("Tags", tags, AddTag), cancellationToken);

    private static void AddTag(QueryParameters parameters, string prefix, IamTag tag) =>
        parameters.Add($"{prefix}.Key", tag.Key).Add($"{prefix}.Value", tag.Value);

    private static Role ReadRole(XElement? role)
    {
        if (role is null) throw new InvalidOperationException("The answer has no Role element.");
        return new Role
        {
            Path = role.ChildText("Path"),
            RoleName = role.ChildText("RoleName"),
            RoleId = role.ChildText("RoleId"),
            Arn = role.ChildText("Arn"),
            CreateDate = role.ChildTime("CreateDate"),
            AssumeRolePolicyDocument = role.ChildText("AssumeRolePolicyDocument") is { } document ? Uri.UnescapeDataString(document) : null,
            Description = role.ChildText("Description"),
            MaxSessionDuration = role.ChildInt("MaxSessionDuration"),
            Tags = [.. role.Child("Tags").Items().Select(t => new IamTag(t.ChildText("Key") ?? "", t.ChildText("Value") ?? ""))],
        };
    }

    public void Dispose() => _query.Dispose();
}
