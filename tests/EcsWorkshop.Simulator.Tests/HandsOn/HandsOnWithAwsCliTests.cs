using System.Diagnostics;
using System.Text.Json;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.HandsOn;

/// <summary>
/// The workbook's Fargate hands-on, step by step as a learner types it, through the real AWS CLI against a running
/// simulator: cluster, task definition, service, waiters, scaling, a new revision, the classic mistakes and the
/// cleanup. The steps depend on each other, so they run in order in one scenario.
/// </summary>
public sealed class HandsOnWithAwsCliTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>, IDisposable
{
    private const string Cluster = "fargate-cluster";
    private const string Service = "fargate-service";
    private const string Family = "sample-fargate";
    private const string NetworkConfiguration = "awsvpcConfiguration={subnets=[subnet-abcd1234],securityGroups=[sg-abcd1234]}";
    private const string SteadyState = $"(service {Service}) has reached a steady state.";

    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(60);

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("ecs-workshop-hands-on-").FullName;
    private readonly HashSet<string> _tasksSeen = [];

    private AwsCli Aws => simulator.Cli;

    [Fact]
    public async Task The_fargate_hands_on_runs_from_the_first_cluster_to_the_cleanup()
    {
        await CreateTheCluster();
        await RegisterTheTaskDefinition();
        await CreateTheService();
        await WaitUntilTheServiceIsStable();
        await FindTheRunningTaskWithItsNetworkInterface();
        await ScaleOutToThreeAndBackToOne();
        await RollOutRevisionTwo();
        await SeeTheClassicMistakesRefused();
        await CleanUp();
    }

    private async Task CreateTheCluster()
    {
        var cluster = (await Aws.RunAsync("ecs", "create-cluster", "--cluster-name", Cluster)).Succeeded().Json.GetProperty("cluster");

        Assert.Equal($"arn:aws:ecs:ap-northeast-1:123456789012:cluster/{Cluster}", cluster.GetProperty("clusterArn").GetString());
        Assert.Equal("ACTIVE", cluster.GetProperty("status").GetString());
    }

    private async Task RegisterTheTaskDefinition()
    {
        var taskDefinition = (await Aws.RunAsync("ecs", "register-task-definition", "--cli-input-json", TaskDefinitionFile("fargate-task.json", "Hello from revision 1")))
            .Succeeded().Json.GetProperty("taskDefinition");

        Assert.Equal($"arn:aws:ecs:ap-northeast-1:123456789012:task-definition/{Family}:1", taskDefinition.GetProperty("taskDefinitionArn").GetString());
        Assert.Equal(1, taskDefinition.GetProperty("revision").GetInt32());
        Assert.Equal("ACTIVE", taskDefinition.GetProperty("status").GetString());
        Assert.Equal("256", taskDefinition.GetProperty("cpu").GetString());
        Assert.Equal("512", taskDefinition.GetProperty("memory").GetString());
        Assert.Equal("awsvpc", taskDefinition.GetProperty("networkMode").GetString());
        Assert.Contains("FARGATE", Strings(taskDefinition.GetProperty("compatibilities")));
        var container = taskDefinition.GetProperty("containerDefinitions")[0];
        Assert.Equal("web", container.GetProperty("name").GetString());
        Assert.Equal(80, container.GetProperty("portMappings")[0].GetProperty("hostPort").GetInt32());
    }

    private async Task CreateTheService()
    {
        var service = (await Aws.RunAsync(
                "ecs", "create-service", "--cluster", Cluster, "--service-name", Service, "--task-definition", $"{Family}:1",
                "--desired-count", "1", "--launch-type", "FARGATE", "--network-configuration", NetworkConfiguration,
                "--enable-execute-command"))
            .Succeeded().Json.GetProperty("service");

        Assert.Equal($"arn:aws:ecs:ap-northeast-1:123456789012:service/{Cluster}/{Service}", service.GetProperty("serviceArn").GetString());
        Assert.Equal("ACTIVE", service.GetProperty("status").GetString());
        Assert.Equal(1, service.GetProperty("desiredCount").GetInt32());
        Assert.Equal("FARGATE", service.GetProperty("launchType").GetString());
        Assert.True(service.GetProperty("enableExecuteCommand").GetBoolean());
        Assert.EndsWith($"task-definition/{Family}:1", service.GetProperty("taskDefinition").GetString());
        var awsvpc = service.GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration");
        Assert.Equal(["subnet-abcd1234"], Strings(awsvpc.GetProperty("subnets")));
        Assert.Equal(["sg-abcd1234"], Strings(awsvpc.GetProperty("securityGroups")));
        Assert.Equal("DISABLED", awsvpc.GetProperty("assignPublicIp").GetString());
    }

    private async Task WaitUntilTheServiceIsStable()
    {
        // The waiter looks at once and then every 15 s until runningCount matches and one deployment is left.
        var clock = Stopwatch.StartNew();
        (await Aws.RunAsync("ecs", "wait", "services-stable", "--cluster", Cluster, "--services", Service)).Succeeded();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"services-stable took {clock.Elapsed}");

        var service = await DescribeServiceUntil(s => Strings(s.GetProperty("events"), "message").Contains(SteadyState), "reported a steady state");
        Assert.Equal(1, service.GetProperty("runningCount").GetInt32());
        Assert.Equal(0, service.GetProperty("pendingCount").GetInt32());
        var deployment = Assert.Single(service.GetProperty("deployments").EnumerateArray());
        Assert.Equal("PRIMARY", deployment.GetProperty("status").GetString());
    }

    private async Task FindTheRunningTaskWithItsNetworkInterface()
    {
        var taskArn = Assert.Single(await ServiceTasks());
        var task = (await DescribeTasks([taskArn]))[0];

        Assert.Equal("RUNNING", task.GetProperty("lastStatus").GetString());
        Assert.Equal("RUNNING", task.GetProperty("desiredStatus").GetString());
        Assert.Equal("FARGATE", task.GetProperty("launchType").GetString());
        Assert.Equal($"service:{Service}", task.GetProperty("group").GetString());
        Assert.StartsWith("ecs-svc/", task.GetProperty("startedBy").GetString());
        Assert.True(task.GetProperty("enableExecuteCommand").GetBoolean());
        Assert.EndsWith($"{Family}:1", task.GetProperty("taskDefinitionArn").GetString());
        var container = Assert.Single(task.GetProperty("containers").EnumerateArray());
        Assert.Equal("web", container.GetProperty("name").GetString());
        Assert.Equal("RUNNING", container.GetProperty("lastStatus").GetString());
        var eni = Assert.Single(task.GetProperty("attachments").EnumerateArray());
        Assert.Equal("ElasticNetworkInterface", eni.GetProperty("type").GetString());
        Assert.Equal("ATTACHED", eni.GetProperty("status").GetString());
        var details = eni.GetProperty("details").EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("value").GetString());
        Assert.Equal("subnet-abcd1234", details["subnetId"]);
        Assert.StartsWith("eni-", details["networkInterfaceId"]);
        Assert.False(string.IsNullOrEmpty(details["privateIPv4Address"]));

        (await Aws.RunAsync("ecs", "wait", "tasks-running", "--cluster", Cluster, "--tasks", taskArn)).Succeeded();
    }

    private async Task ScaleOutToThreeAndBackToOne()
    {
        var scaledOut = (await Aws.RunAsync("ecs", "update-service", "--cluster", Cluster, "--service", Service, "--desired-count", "3"))
            .Succeeded().Json.GetProperty("service");
        Assert.Equal(3, scaledOut.GetProperty("desiredCount").GetInt32());

        await DescribeServiceUntil(s => IsStable(s, running: 3), "ran 3 tasks");
        var three = await ServiceTasks();
        Assert.Equal(3, three.Count);
        Assert.All(await DescribeTasks(three), t => Assert.Equal("RUNNING", t.GetProperty("lastStatus").GetString()));

        (await Aws.RunAsync("ecs", "update-service", "--cluster", Cluster, "--service", Service, "--desired-count", "1")).Succeeded();

        await DescribeServiceUntil(s => IsStable(s, running: 1), "came back to 1 task");
        Assert.Single(await ServiceTasks());
    }

    private async Task RollOutRevisionTwo()
    {
        var revision2 = (await Aws.RunAsync("ecs", "register-task-definition", "--cli-input-json", TaskDefinitionFile("fargate-task-v2.json", "Hello from revision 2")))
            .Succeeded().Json.GetProperty("taskDefinition");
        Assert.Equal(2, revision2.GetProperty("revision").GetInt32());

        var updated = (await Aws.RunAsync("ecs", "update-service", "--cluster", Cluster, "--service", Service, "--task-definition", $"{Family}:2"))
            .Succeeded().Json.GetProperty("service");
        Assert.EndsWith($"{Family}:2", updated.GetProperty("taskDefinition").GetString());

        var service = await DescribeServiceUntil(
            s => IsStable(s, running: 1) && s.GetProperty("deployments")[0].GetProperty("taskDefinition").GetString()!.EndsWith($"{Family}:2", StringComparison.Ordinal) &&
                 s.GetProperty("deployments")[0].GetProperty("rolloutState").GetString() == "COMPLETED",
            "finished deploying revision 2");
        var deployment = Assert.Single(service.GetProperty("deployments").EnumerateArray());
        Assert.Equal("PRIMARY", deployment.GetProperty("status").GetString());
        Assert.Equal("COMPLETED", deployment.GetProperty("rolloutState").GetString());

        var tasks = await DescribeTasks(await ServiceTasks());
        Assert.Single(tasks);
        Assert.All(tasks, t =>
        {
            Assert.EndsWith($"{Family}:2", t.GetProperty("taskDefinitionArn").GetString());
            Assert.Equal("RUNNING", t.GetProperty("lastStatus").GetString());
        });
    }

    private async Task SeeTheClassicMistakesRefused()
    {
        var tooMuchMemory = await Aws.FailsAsync("ClientException",
            "ecs", "register-task-definition", "--cli-input-json", TaskDefinitionFile("fargate-task-4096.json", "too big", memory: "4096"));
        Assert.Contains("No Fargate configuration exists for given values", tooMuchMemory);
        var families = (await Aws.RunAsync("ecs", "list-task-definitions", "--family-prefix", Family)).Succeeded().Json;
        Assert.Equal(2, families.GetProperty("taskDefinitionArns").GetArrayLength());

        var noCluster = await Aws.FailsAsync("ClusterNotFoundException",
            "ecs", "create-service", "--cluster", "no-such-cluster", "--service-name", Service, "--task-definition", $"{Family}:2",
            "--desired-count", "1", "--launch-type", "FARGATE", "--network-configuration", NetworkConfiguration);
        Assert.Contains("Cluster not found.", noCluster);

        var stillScaled = await Aws.FailsAsync("InvalidParameterException",
            "ecs", "delete-service", "--cluster", Cluster, "--service", Service);
        Assert.Contains("The service cannot be stopped while it is scaled above 0.", stillScaled);

        var clusterInUse = await Aws.FailsAsync("ClusterContainsServicesException", "ecs", "delete-cluster", "--cluster", Cluster);
        Assert.Contains("The Cluster cannot be deleted while Services are active.", clusterInUse);
    }

    private async Task CleanUp()
    {
        var scaledIn = (await Aws.RunAsync("ecs", "update-service", "--cluster", Cluster, "--service", Service, "--desired-count", "0"))
            .Succeeded().Json.GetProperty("service");
        Assert.Equal(0, scaledIn.GetProperty("desiredCount").GetInt32());

        var deleted = (await Aws.RunAsync("ecs", "delete-service", "--cluster", Cluster, "--service", Service)).Succeeded().Json.GetProperty("service");
        Assert.Contains(deleted.GetProperty("status").GetString(), new[] { "DRAINING", "INACTIVE" });
        Assert.Empty((await Aws.RunAsync("ecs", "list-services", "--cluster", Cluster)).Succeeded().Json.GetProperty("serviceArns").EnumerateArray());

        await DescribeServiceUntil(s => s.GetProperty("status").GetString() == "INACTIVE", "turned INACTIVE");
        (await Aws.RunAsync("ecs", "wait", "services-inactive", "--cluster", Cluster, "--services", Service)).Succeeded();

        foreach (var revision in new[] { "1", "2" })
        {
            var deregistered = (await Aws.RunAsync("ecs", "deregister-task-definition", "--task-definition", $"{Family}:{revision}"))
                .Succeeded().Json.GetProperty("taskDefinition");
            Assert.Equal("INACTIVE", deregistered.GetProperty("status").GetString());
        }

        await Eventually(
            async () => (await DescribeTasks([.. _tasksSeen])).All(t => t.GetProperty("lastStatus").GetString() == "STOPPED"),
            () => "every task of the service stopped");

        var cluster = (await Aws.RunAsync("ecs", "delete-cluster", "--cluster", Cluster)).Succeeded().Json.GetProperty("cluster");
        Assert.Equal("INACTIVE", cluster.GetProperty("status").GetString());
        Assert.DoesNotContain(cluster.GetProperty("clusterArn").GetString(),
            Strings((await Aws.RunAsync("ecs", "list-clusters")).Succeeded().Json.GetProperty("clusterArns")));
    }

    /// <summary>Writes a task definition for the hands-on and returns the <c>file://</c> argument the CLI takes.</summary>
    private string TaskDefinitionFile(string fileName, string message, string memory = "512")
    {
        var path = Path.Combine(_workDirectory, fileName);
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            family = Family,
            networkMode = "awsvpc",
            requiresCompatibilities = new[] { "FARGATE" },
            cpu = "256",
            memory,
            containerDefinitions = new[]
            {
                new
                {
                    name = "web",
                    image = "public.ecr.aws/nginx/nginx:latest",
                    essential = true,
                    portMappings = new[] { new { containerPort = 80, hostPort = 80, protocol = "tcp" } },
                    environment = new[] { new { name = "MESSAGE", value = message } },
                },
            },
        }, new JsonSerializerOptions { WriteIndented = true }));
        return $"file://{path}";
    }

    private static bool IsStable(JsonElement service, int running) =>
        service.GetProperty("desiredCount").GetInt32() == running &&
        service.GetProperty("runningCount").GetInt32() == running &&
        service.GetProperty("pendingCount").GetInt32() == 0 &&
        service.GetProperty("deployments").GetArrayLength() == 1;

    /// <summary>The ARNs of the service's tasks that are meant to run.</summary>
    private async Task<List<string>> ServiceTasks()
    {
        var arns = Strings((await Aws.RunAsync("ecs", "list-tasks", "--cluster", Cluster, "--service-name", Service)).Succeeded().Json.GetProperty("taskArns"));
        _tasksSeen.UnionWith(arns);
        return arns;
    }

    private async Task<List<JsonElement>> DescribeTasks(IReadOnlyList<string> taskArns)
    {
        if (taskArns.Count == 0) return [];
        var response = (await Aws.RunAsync(["ecs", "describe-tasks", "--cluster", Cluster, "--tasks", .. taskArns])).Succeeded().Json;
        Assert.Empty(response.GetProperty("failures").EnumerateArray());
        return [.. response.GetProperty("tasks").EnumerateArray()];
    }

    private async Task<JsonElement> DescribeServiceUntil(Func<JsonElement, bool> condition, string what)
    {
        JsonElement service = default;
        await Eventually(async () =>
        {
            var response = (await Aws.RunAsync("ecs", "describe-services", "--cluster", Cluster, "--services", Service)).Succeeded().Json;
            service = Assert.Single(response.GetProperty("services").EnumerateArray());
            return condition(service);
        }, () => $"the service {what}; last seen: {(service.ValueKind == JsonValueKind.Undefined ? "nothing" : service.ToString())}");
        return service;
    }

    /// <summary>Polls (real time; the simulator runs at speed 20) until the probe holds, or fails the test.</summary>
    private static async Task Eventually(Func<Task<bool>> probe, Func<string> expectation)
    {
        var deadline = DateTime.UtcNow + PollLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe()) return;
            await Task.Delay(250);
        }
        Assert.Fail($"Not within {PollLimit.TotalSeconds} s: {expectation()}");
    }

    private static List<string> Strings(JsonElement array, string? member = null) =>
        [.. array.EnumerateArray().Select(e => (member is null ? e : e.GetProperty(member)).GetString()!)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
