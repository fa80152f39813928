using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Integration;

/// <summary>
/// The first half of the hands-on with real clients only: skopeo pushes an image to the simulated ECR, the AWS CLI
/// runs it on Fargate, the task reports the pushed digest, and <c>aws logs tail</c> shows what the container did.
/// </summary>
public sealed class PushAndRunWithRealClientsTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    [Fact]
    public async Task A_pushed_image_runs_with_its_digest_and_its_logs_can_be_tailed()
    {
        var cli = simulator.Cli;
        var uri = (await cli.RunAsync("ecr", "create-repository", "--repository-name", "sample-app")).Succeeded().Json
            .GetProperty("repository").GetProperty("repositoryUri").GetString()!;
        var password = (await cli.RunAsync("ecr", "get-login-password")).Succeeded().StandardOutput.Trim();
        var image = TestOciLayout.Create("sample app");
        (await ExternalTool.RunAsync("/usr/bin/skopeo", ["copy", "--dest-tls-verify=false", "--dest-creds", $"AWS:{password}",
            $"oci:{image.Directory}:v1", $"docker://{uri}:v1"])).Succeeded();
        (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", "fargate-cluster")).Succeeded();
        var definition = Path.Combine(Directory.CreateTempSubdirectory("ecs-workshop-td-").FullName, "task.json");
        await File.WriteAllTextAsync(definition, new JsonObject
        {
            ["family"] = "sample-app",
            ["networkMode"] = "awsvpc",
            ["requiresCompatibilities"] = new JsonArray("FARGATE"),
            ["cpu"] = "256",
            ["memory"] = "512",
            ["executionRoleArn"] = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
            ["containerDefinitions"] = new JsonArray(new JsonObject
            {
                ["name"] = "web",
                ["image"] = $"{uri}:v1",
                ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 80 }),
                ["logConfiguration"] = new JsonObject
                {
                    ["logDriver"] = "awslogs",
                    ["options"] = new JsonObject
                    {
                        ["awslogs-group"] = "/ecs/sample-app",
                        ["awslogs-region"] = SimulatedWorld.Region,
                        ["awslogs-stream-prefix"] = "ecs",
                        ["awslogs-create-group"] = "true",
                    },
                },
            }),
        }.ToJsonString());
        (await cli.RunAsync("ecs", "register-task-definition", "--cli-input-json", $"file://{definition}")).Succeeded();

        var task = (await cli.RunAsync("ecs", "run-task", "--cluster", "fargate-cluster", "--task-definition", "sample-app",
            "--launch-type", "FARGATE", "--network-configuration", "awsvpcConfiguration={subnets=[subnet-abcd1234],securityGroups=[sg-abcd1234],assignPublicIp=ENABLED}"))
            .Succeeded().Json.GetProperty("tasks")[0].GetProperty("taskArn").GetString()!;
        (await cli.RunAsync("ecs", "wait", "tasks-running", "--cluster", "fargate-cluster", "--tasks", task)).Succeeded();

        var container = (await cli.RunAsync("ecs", "describe-tasks", "--cluster", "fargate-cluster", "--tasks", task)).Succeeded().Json
            .GetProperty("tasks")[0].GetProperty("containers")[0];
        Assert.Equal(image.ManifestDigest, container.GetProperty("imageDigest").GetString());
        var tail = (await cli.RunAsync("logs", "tail", "/ecs/sample-app", "--since", "1h")).Succeeded().StandardOutput;
        Assert.Contains($"ecs/web/{task[(task.LastIndexOf('/') + 1)..]}", tail);
        Assert.Contains($"Container web started from image {uri}:v1 ({image.ManifestDigest})", tail);
    }

    [Fact]
    public async Task A_tag_that_was_never_pushed_stops_the_task_with_the_pull_error()
    {
        var cli = simulator.Cli;
        var uri = (await cli.RunAsync("ecr", "create-repository", "--repository-name", "never-pushed")).Succeeded().Json
            .GetProperty("repository").GetProperty("repositoryUri").GetString()!;
        (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", "pull-errors")).Succeeded();
        var definition = Path.Combine(Directory.CreateTempSubdirectory("ecs-workshop-td-").FullName, "task.json");
        await File.WriteAllTextAsync(definition, $$"""
            {"family": "never-pushed", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
             "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
             "containerDefinitions": [{"name": "web", "image": "{{uri}}:latest"}]}
            """);
        (await cli.RunAsync("ecs", "register-task-definition", "--cli-input-json", $"file://{definition}")).Succeeded();
        var task = (await cli.RunAsync("ecs", "run-task", "--cluster", "pull-errors", "--task-definition", "never-pushed",
            "--launch-type", "FARGATE", "--network-configuration", "awsvpcConfiguration={subnets=[subnet-abcd1234]}"))
            .Succeeded().Json.GetProperty("tasks")[0].GetProperty("taskArn").GetString()!;

        (await cli.RunAsync("ecs", "wait", "tasks-stopped", "--cluster", "pull-errors", "--tasks", task)).Succeeded();

        var stopped = (await cli.RunAsync("ecs", "describe-tasks", "--cluster", "pull-errors", "--tasks", task)).Succeeded().Json.GetProperty("tasks")[0];
        Assert.Equal("TaskFailedToStart", stopped.GetProperty("stopCode").GetString());
        Assert.StartsWith($"CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref {uri}:latest", stopped.GetProperty("stoppedReason").GetString());
    }
}
