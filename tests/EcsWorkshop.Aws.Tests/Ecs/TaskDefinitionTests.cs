using EcsWorkshop.Aws.Ecs.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Ecs;

public sealed class TaskDefinitionTests(Backends backends) : BackendTests(backends)
{
    private static RegisterTaskDefinitionRequest FullWeb(string family) => EcsFixtures.FargateWeb(family) with
    {
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        TaskRoleArn = "arn:aws:iam::123456789012:role/web-task",
        RuntimePlatform = new RuntimePlatform { CpuArchitecture = CpuArchitectures.X86_64, OperatingSystemFamily = "LINUX" },
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "web",
                Image = "public.ecr.aws/nginx/nginx:1.27",
                Memory = 512,
                Essential = true,
                PortMappings = [new PortMapping { ContainerPort = 80, HostPort = 80, Protocol = "tcp" }],
                Environment = [new NameValuePair("GREETING", "こんにちは")],
                Command = ["nginx", "-g", "daemon off;"],
                LogConfiguration = new LogConfiguration
                {
                    LogDriver = LogDrivers.AwsLogs,
                    Options = new Dictionary<string, string>
                    {
                        ["awslogs-group"] = "/ecs/web",
                        ["awslogs-region"] = Backends.Region,
                        ["awslogs-stream-prefix"] = "ecs",
                        ["awslogs-create-group"] = "true",
                    },
                },
                HealthCheck = new HealthCheck
                {
                    Command = ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
                    Interval = 30,
                    Timeout = 5,
                    Retries = 3,
                    StartPeriod = 10,
                },
            },
        ],
        Tags = [new Tag("lesson", "1")],
    };

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_registered_Fargate_task_definition_comes_back_as_revision_1_with_everything_sent(string backend)
    {
        var family = UniqueNames.Next("web");

        var response = await On(backend).Ecs.RegisterTaskDefinitionAsync(FullWeb(family));

        var definition = response.TaskDefinition!;
        Assert.Equal(1, definition.Revision);
        Assert.Equal("ACTIVE", definition.Status);
        Assert.Equal($"arn:aws:ecs:{Backends.Region}:123456789012:task-definition/{family}:1", definition.TaskDefinitionArn);
        Assert.Equal(("256", "512", "awsvpc"), (definition.Cpu, definition.Memory, definition.NetworkMode));
        Assert.Equal(["FARGATE"], definition.RequiresCompatibilities);
        Assert.Contains("FARGATE", definition.Compatibilities!);
        Assert.Equal("arn:aws:iam::123456789012:role/ecsTaskExecutionRole", definition.ExecutionRoleArn);
        Assert.Equal("arn:aws:iam::123456789012:role/web-task", definition.TaskRoleArn);
        Assert.Equal("X86_64", definition.RuntimePlatform!.CpuArchitecture);
        var container = Assert.Single(definition.ContainerDefinitions!);
        Assert.Equal(("web", "public.ecr.aws/nginx/nginx:1.27", 512), (container.Name, container.Image, container.Memory));
        Assert.Equal(80, Assert.Single(container.PortMappings!).ContainerPort);
        Assert.Equal([new NameValuePair("GREETING", "こんにちは")], container.Environment);
        Assert.Equal(["nginx", "-g", "daemon off;"], container.Command);
        Assert.Equal("awslogs", container.LogConfiguration!.LogDriver);
        Assert.Equal("/ecs/web", container.LogConfiguration.Options!["awslogs-group"]);
        Assert.Equal(["CMD-SHELL", "curl -f http://localhost/ || exit 1"], container.HealthCheck!.Command);
        Assert.Equal(3, container.HealthCheck.Retries);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Registering_the_family_again_adds_revision_2_and_the_family_name_describes_the_latest(string backend)
    {
        var ecs = On(backend).Ecs;
        var family = UniqueNames.Next("web");
        await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family));

        var second = (await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family))).TaskDefinition!;
        var described = (await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = family })).TaskDefinition!;

        Assert.Equal(2, second.Revision);
        Assert.Equal(second.TaskDefinitionArn, described.TaskDefinitionArn);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_revision_is_described_by_family_and_revision_with_its_tags(string backend)
    {
        var ecs = On(backend).Ecs;
        var family = UniqueNames.Next("web");
        await ecs.RegisterTaskDefinitionAsync(FullWeb(family));

        var response = await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = $"{family}:1", Include = ["TAGS"] });

        Assert.Equal(family, response.TaskDefinition!.Family);
        Assert.Equal(1, response.TaskDefinition.Revision);
        Assert.Equal([new Tag("lesson", "1")], response.Tags);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Listing_by_family_gives_every_revision_in_order(string backend)
    {
        var ecs = On(backend).Ecs;
        var family = UniqueNames.Next("web");
        var first = (await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family))).TaskDefinition!.TaskDefinitionArn!;
        var second = (await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family))).TaskDefinition!.TaskDefinitionArn!;

        var listed = await ecs.ListAllTaskDefinitionArnsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = family, MaxResults = 1 }).ToListAsync();

        Assert.Equal([first, second], listed);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Deregistering_a_revision_makes_it_INACTIVE(string backend)
    {
        var ecs = On(backend).Ecs;
        var family = UniqueNames.Next("web");
        await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family));

        var deregistered = (await ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = $"{family}:1" })).TaskDefinition!;

        Assert.Equal("INACTIVE", deregistered.Status);
        Assert.Equal(1, deregistered.Revision);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task Describing_an_unknown_task_definition_is_a_ClientException(string backend)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            On(backend).Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = UniqueNames.Next("missing") + ":1" }));

        Assert.Equal("ClientException", error.ErrorCode);
        Assert.Equal("Unable to describe task definition.", error.ErrorMessage);
    }

    [Fact]
    public async Task Fargate_rejects_256_cpu_with_4096_memory()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Simulator.Ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(UniqueNames.Next("web")) with { Memory = "4096" }));

        Assert.Equal("ClientException", error.ErrorCode);
        Assert.StartsWith("No Fargate configuration exists for given values: 256 CPU, 4096 memory.", error.ErrorMessage);
    }

    [Fact]
    public async Task Moto_accepts_256_cpu_with_4096_memory_which_aws_refuses()
    {
        var definition = (await Moto.Ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(UniqueNames.Next("web")) with { Memory = "4096" })).TaskDefinition!;

        Assert.Equal(("256", "4096"), (definition.Cpu, definition.Memory));
    }

    [Fact]
    public async Task Fargate_refuses_the_bridge_network_mode()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Simulator.Ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(UniqueNames.Next("web")) with { NetworkMode = NetworkModes.Bridge }));

        Assert.Equal("ClientException", error.ErrorCode);
        Assert.Contains("awsvpc", error.ErrorMessage);
    }

    [Fact]
    public async Task Moto_accepts_a_Fargate_task_definition_in_bridge_mode_and_rewrites_it_to_awsvpc_which_aws_refuses()
    {
        var definition = (await Moto.Ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(UniqueNames.Next("web")) with { NetworkMode = NetworkModes.Bridge })).TaskDefinition!;

        Assert.Equal("awsvpc", definition.NetworkMode);
    }

    [Fact]
    public async Task Describing_a_family_after_deregistering_its_latest_revision_gives_the_latest_ACTIVE_one()
    {
        var ecs = Simulator.Ecs;
        var family = UniqueNames.Next("web");
        await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family));
        await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family));
        await ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = $"{family}:2" });

        var described = (await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = family })).TaskDefinition!;

        Assert.Equal((1, "ACTIVE"), (described.Revision, described.Status));
    }

    [Fact]
    public async Task Moto_describes_a_family_by_its_deregistered_latest_revision_where_aws_gives_the_latest_ACTIVE_one()
    {
        var ecs = Moto.Ecs;
        var family = UniqueNames.Next("web");
        await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family));
        await ecs.RegisterTaskDefinitionAsync(EcsFixtures.FargateWeb(family));
        await ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = $"{family}:2" });

        var described = (await ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = family })).TaskDefinition!;

        Assert.Equal((2, "INACTIVE"), (described.Revision, described.Status));
    }
}
