using EcsWorkshop.Aws.Logs.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Logs;

public sealed class LogGroupTests(Backends backends) : BackendTests(backends)
{
    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_new_log_group_is_described_by_its_prefix_with_its_creation_time_in_milliseconds(string backend)
    {
        var name = "/ecs/" + UniqueNames.Next("web");
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        await On(backend).Logs.CreateLogGroupAsync(new CreateLogGroupRequest { LogGroupName = name });
        var group = Assert.Single(await On(backend).Logs.DescribeAllLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = name }).ToListAsync());

        Assert.Equal(name, group.LogGroupName);
        Assert.StartsWith($"arn:aws:logs:{Backends.Region}:123456789012:log-group:{name}", group.Arn);
        Assert.InRange(group.CreationTime!.Value, before, DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Log_groups_are_described_across_pages(string backend)
    {
        var prefix = "/paged/" + UniqueNames.Next("g");
        foreach (var suffix in new[] { "a", "b", "c" })
            await On(backend).Logs.CreateLogGroupAsync(new CreateLogGroupRequest { LogGroupName = $"{prefix}/{suffix}" });

        var names = await On(backend).Logs.DescribeAllLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = prefix, Limit = 2 })
            .Select(g => g.LogGroupName!).ToListAsync();

        Assert.Equal([$"{prefix}/a", $"{prefix}/b", $"{prefix}/c"], names);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_log_group_can_be_created_only_once(string backend)
    {
        var name = "/ecs/" + UniqueNames.Next("web");
        await On(backend).Logs.CreateLogGroupAsync(new CreateLogGroupRequest { LogGroupName = name });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => On(backend).Logs.CreateLogGroupAsync(new CreateLogGroupRequest { LogGroupName = name }));

        Assert.Equal("ResourceAlreadyExistsException", error.ErrorCode);
        Assert.Equal("The specified log group already exists", error.ErrorMessage);
        Assert.Equal("logs", error.Service);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_deleted_log_group_is_gone_and_cannot_be_deleted_again(string backend)
    {
        var logs = On(backend).Logs;
        var name = "/ecs/" + UniqueNames.Next("web");
        await logs.CreateLogGroupAsync(new CreateLogGroupRequest { LogGroupName = name });

        await logs.DeleteLogGroupAsync(new DeleteLogGroupRequest { LogGroupName = name });
        var left = await logs.DescribeAllLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = name }).ToListAsync();
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => logs.DeleteLogGroupAsync(new DeleteLogGroupRequest { LogGroupName = name }));

        Assert.Empty(left);
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Equal("The specified log group does not exist.", error.ErrorMessage);
    }
}
