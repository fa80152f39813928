using System.Net;
using System.Text.Json;
using EcsWorkshop.Aws.Iam.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Iam;

public sealed class RoleTests(Backends backends) : BackendTests(backends)
{
    [Fact]
    public async Task A_task_execution_role_trusts_ecs_tasks_and_is_got_back_with_its_policy_decoded()
    {
        var name = UniqueNames.Next("ecsTaskExecutionRole");

        var created = await Moto.Iam.CreateRoleAsync(new CreateRoleRequest
        {
            RoleName = name,
            AssumeRolePolicyDocument = IamPolicies.EcsTasksTrustPolicy,
            Description = "ECS workshop",
            Tags = [new IamTag("project", "ecs-workshop")],
        });
        var role = await Moto.Iam.GetRoleAsync(name);

        Assert.Equal($"arn:aws:iam::123456789012:role/{name}", created.Arn);
        Assert.Equal(created.Arn, role.Arn);
        Assert.Equal(name, role.RoleName);
        Assert.Equal("/", role.Path);
        Assert.NotNull(role.CreateDate);
        var principal = JsonDocument.Parse(role.AssumeRolePolicyDocument!).RootElement
            .GetProperty("Statement")[0].GetProperty("Principal").GetProperty("Service").GetString();
        Assert.Equal("ecs-tasks.amazonaws.com", principal);
        Assert.Equal([new IamTag("project", "ecs-workshop")], role.Tags);
    }

    [Fact]
    public async Task A_role_name_can_be_created_only_once()
    {
        var name = UniqueNames.Next("role");
        await Moto.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = name, AssumeRolePolicyDocument = IamPolicies.EcsTasksTrustPolicy });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Moto.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = name, AssumeRolePolicyDocument = IamPolicies.EcsTasksTrustPolicy }));

        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(("iam", "CreateRole"), (error.Service, error.Operation));
    }

    [Fact]
    public async Task Getting_an_unknown_role_is_NoSuchEntity_with_status_404()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Moto.Iam.GetRoleAsync(UniqueNames.Next("missing")));

        Assert.Equal("NoSuchEntity", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Moto_words_a_missing_role_differently_from_aws()
    {
        var name = UniqueNames.Next("missing");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Moto.Iam.GetRoleAsync(name));

        Assert.Equal($"Role {name} not found", error.ErrorMessage);
        Assert.NotEqual($"The role with name {name} cannot be found.", error.ErrorMessage);
    }

    [Fact]
    public async Task The_task_execution_policy_attached_to_a_role_is_listed()
    {
        var name = UniqueNames.Next("ecsTaskExecutionRole");
        await Moto.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = name, AssumeRolePolicyDocument = IamPolicies.EcsTasksTrustPolicy });

        await Moto.Iam.AttachRolePolicyAsync(name, IamPolicies.AmazonEcsTaskExecutionRolePolicyArn);
        var attached = await Moto.Iam.ListAllAttachedRolePoliciesAsync(name).ToListAsync();

        Assert.Equal([new AttachedPolicy("AmazonECSTaskExecutionRolePolicy", IamPolicies.AmazonEcsTaskExecutionRolePolicyArn)], attached);
    }

    [Fact]
    public async Task Tags_added_to_a_role_show_when_it_is_got()
    {
        var name = UniqueNames.Next("role");
        await Moto.Iam.CreateRoleAsync(new CreateRoleRequest { RoleName = name, AssumeRolePolicyDocument = IamPolicies.EcsTasksTrustPolicy });

        await Moto.Iam.TagRoleAsync(name, [new IamTag("lesson", "3"), new IamTag("owner", "workshop")]);

        Assert.Equal([new IamTag("lesson", "3"), new IamTag("owner", "workshop")], (await Moto.Iam.GetRoleAsync(name)).Tags!.OrderBy(t => t.Key));
    }
}
