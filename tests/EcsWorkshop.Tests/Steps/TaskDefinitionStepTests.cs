using EcsWorkshop.Errors;
using EcsWorkshop.Steps;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Steps;

public sealed class TaskDefinitionStepTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task A_fargate_task_definition_is_registered_awsvpc_with_the_simulated_execution_role_and_awslogs()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var family = Unique.Name("sample-fargate");

        var step = await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4" });

        Assert.Equal(1, step.Value.Revision);
        Assert.Equal("awsvpc", step.Value.NetworkMode);
        Assert.Contains("FARGATE", step.Value.Compatibilities);
        Assert.Equal(Workshop.SimulatedExecutionRoleArn, step.Value.ExecutionRoleArn);
        Assert.Equal($"/ecs/{family}", step.Value.Containers[0].LogGroup);
        Assert.Equal("80/tcp", step.Value.Containers[0].Ports[0].ToString());
        Assert.Contains("register-task-definition", step.CommandLine);
        var groups = await workshop.Aws.Logs.DescribeLogGroupsAsync(new() { LogGroupNamePrefix = $"/ecs/{family}" });
        Assert.Single(groups.LogGroups!);
    }

    [Fact]
    public async Task A_revision_with_an_added_environment_variable_registers_it_on_the_container()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var first = new FargateTaskDefinition { Family = Unique.Name("sample-fargate"), Image = "httpd:2.4" };
        await workshop.RegisterTaskDefinitionAsync(first);

        var second = await workshop.RegisterTaskDefinitionAsync(first.WithEnvironment("APP_VERSION", "2"));

        var described = await workshop.Aws.Ecs.DescribeTaskDefinitionAsync(new() { TaskDefinition = second.Value.FamilyRevision });
        var variable = Assert.Single(described.TaskDefinition!.ContainerDefinitions![0].Environment!);
        Assert.Equal(("APP_VERSION", "2"), (variable.Name, variable.Value));
        Assert.Equal(2, second.Value.Revision);
        Assert.Empty(first.Environment);
    }

    [Fact]
    public async Task A_second_registration_is_revision_two()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var family = Unique.Name("sample-fargate");
        await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4" });

        var second = await workshop.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = family, Image = "httpd:2.4", AwsLogs = false });

        Assert.Equal($"{family}:2", second.Value.FamilyRevision);
    }

    [Fact]
    public async Task A_bad_fargate_size_is_a_japanese_step_error_with_the_size_table()
    {
        await using var workshop = await simulator.NewWorkshopAsync();

        var error = await Assert.ThrowsAsync<WorkshopStepException>(() => workshop.RegisterTaskDefinitionAsync(
            new FargateTaskDefinition { Family = Unique.Name("bad-size"), Image = "httpd:2.4", Cpu = "256", Memory = "4096", AwsLogs = false }));

        Assert.Contains(error.Explanation.Title.ToString(), error.Message);
        Assert.Contains("Fargate", error.Message);
        Assert.Matches(@"\p{IsHiragana}|\p{IsKatakana}", error.Explanation.Title.ToString());
        Assert.NotNull(error.Explanation.SizeTable);
        Assert.False(error.Explanation.SizeTable!.Request!.IsValid);
        Assert.Equal("ClientException", error.AwsError!.ErrorCode);
        Assert.Equal("タスク定義の登録", error.Step);
    }
}
