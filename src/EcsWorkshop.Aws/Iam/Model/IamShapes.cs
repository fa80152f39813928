namespace EcsWorkshop.Aws.Iam.Model;

// IAM shapes (query protocol), named as in the IAM API model.

/// <summary>An IAM tag.</summary>
public sealed record IamTag(string Key, string Value);

/// <summary>An IAM role.</summary>
public sealed record Role
{
    public string? Path { get; init; }
    public string? RoleName { get; init; }
    public string? RoleId { get; init; }
    public string? Arn { get; init; }
    public DateTimeOffset? CreateDate { get; init; }
    /// <summary>The trust policy as JSON (already URL-decoded).</summary>
    public string? AssumeRolePolicyDocument { get; init; }
    public string? Description { get; init; }
    public int? MaxSessionDuration { get; init; }
    public IReadOnlyList<IamTag>? Tags { get; init; }
}

/// <summary>A managed policy attached to a role.</summary>
public sealed record AttachedPolicy(string? PolicyName, string? PolicyArn);

public sealed record CreateRoleRequest
{
    public required string RoleName { get; init; }
    /// <summary>The trust policy JSON; <see cref="IamPolicies.EcsTasksTrustPolicy"/> for task and execution roles.</summary>
    public required string AssumeRolePolicyDocument { get; init; }
    public string? Path { get; init; }
    public string? Description { get; init; }
    public int? MaxSessionDuration { get; init; }
    public IReadOnlyList<IamTag>? Tags { get; init; }
}

public sealed record ListAttachedRolePoliciesRequest
{
    public required string RoleName { get; init; }
    public string? PathPrefix { get; init; }
    public string? Marker { get; init; }
    public int? MaxItems { get; init; }
}

public sealed record ListAttachedRolePoliciesResponse
{
    public IReadOnlyList<AttachedPolicy>? AttachedPolicies { get; init; }
    public bool? IsTruncated { get; init; }
    /// <summary>The next page's marker when <see cref="IsTruncated"/>.</summary>
    public string? Marker { get; init; }
}

/// <summary>Policies ECS tasks need.</summary>
public static class IamPolicies
{
    /// <summary>A trust policy that lets ECS tasks assume the role (task roles and task execution roles).</summary>
    public const string EcsTasksTrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    /// <summary>The AWS managed policy of task execution roles: pull from ECR, write to CloudWatch Logs.</summary>
    public const string AmazonEcsTaskExecutionRolePolicyArn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
}
