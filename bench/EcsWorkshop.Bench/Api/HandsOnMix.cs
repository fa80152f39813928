using System.Diagnostics;
using System.Text.Json.Nodes;

namespace EcsWorkshop.Bench.Api;

/// <summary>The network a server accepts for awsvpc tasks: moto checks that the subnet exists, the simulator does not.</summary>
public sealed record MixNetwork(string Subnet, string SecurityGroup);

/// <summary>
/// One simulated learner going through the hands-on again and again, as fast as the server answers: in its own
/// cluster, each round registers a new task-definition revision, creates a service, looks at it, runs a task, lists
/// and describes tasks, scales the service up and down, reads the task definition back, stops the task and deletes the
/// service. Every request succeeds on ECS, on the simulator and on moto; none is a deliberate error. Rounds use new
/// service names, so nothing collides (moto replaces a duplicate service silently, ECS refuses it).
/// </summary>
public sealed class HandsOnMix(AwsJsonClient ecs, int client, MixNetwork network)
{
    /// <summary>The operations a round sends, in order.</summary>
    public static readonly IReadOnlyList<string> Operations =
    [
        "CreateCluster", "RegisterTaskDefinition", "CreateService", "DescribeServices", "RunTask", "ListTasks", "DescribeTasks",
        "UpdateService", "DescribeServices", "DescribeTaskDefinition", "UpdateService", "StopTask", "DeleteService",
    ];

    private int _round;

    private string Cluster => $"bench-cluster-{client}";

    private string Family => $"bench-web-{client}";

    /// <summary>
    /// Runs rounds until <paramref name="deadline"/> (a <see cref="Stopwatch"/> timestamp), logging every request; the
    /// first <paramref name="minimumRounds"/> rounds run to the end whatever the time.
    /// </summary>
    public async Task RunAsync(long deadline, RequestLog log, CancellationToken cancellationToken, int minimumRounds = 0)
    {
        for (var done = 0; (done < minimumRounds || Stopwatch.GetTimestamp() < deadline) && !cancellationToken.IsCancellationRequested; done++)
            await RoundAsync(new Round(ecs, log, done < minimumRounds ? long.MaxValue : deadline, cancellationToken), _round++).ConfigureAwait(false);
    }

    private async Task RoundAsync(Round send, int round)
    {
        var service = $"bench-svc-{client}-{round}";
        var networkConfiguration = new
        {
            awsvpcConfiguration = new { subnets = new[] { network.Subnet }, securityGroups = new[] { network.SecurityGroup }, assignPublicIp = "DISABLED" },
        };

        if (await send.Call("CreateCluster", new { clusterName = Cluster }) is null) return;
        var registered = await send.Call("RegisterTaskDefinition", TaskDefinition());
        if (registered?["taskDefinition"]?["revision"]?.GetValue<int>() is not { } revision) return;
        var taskDefinition = $"{Family}:{revision}";

        if (await send.Call("CreateService", new
            {
                cluster = Cluster, serviceName = service, taskDefinition, desiredCount = 1, launchType = "FARGATE", networkConfiguration,
            }) is null) return;
        await send.Call("DescribeServices", new { cluster = Cluster, services = new[] { service } });

        var run = await send.Call("RunTask", new { cluster = Cluster, taskDefinition, count = 1, launchType = "FARGATE", networkConfiguration });
        var task = run?["tasks"]?[0]?["taskArn"]?.GetValue<string>();
        await send.Call("ListTasks", new { cluster = Cluster, serviceName = service, desiredStatus = "RUNNING" });
        if (task is not null) await send.Call("DescribeTasks", new { cluster = Cluster, tasks = new[] { task } });

        await send.Call("UpdateService", new { cluster = Cluster, service, desiredCount = 2 });
        await send.Call("DescribeServices", new { cluster = Cluster, services = new[] { service } });
        await send.Call("DescribeTaskDefinition", new { taskDefinition });
        await send.Call("UpdateService", new { cluster = Cluster, service, desiredCount = 0 });
        if (task is not null) await send.Call("StopTask", new { cluster = Cluster, task, reason = "Benchmark round over" });
        await send.Call("DeleteService", new { cluster = Cluster, service });
    }

    /// <summary>The hands-on's Fargate task definition; the container sets its own memory, which moto needs to run it.</summary>
    private object TaskDefinition() => new
    {
        family = Family,
        requiresCompatibilities = new[] { "FARGATE" },
        networkMode = "awsvpc",
        cpu = "256",
        memory = "512",
        containerDefinitions = new[]
        {
            new
            {
                name = "web",
                image = "public.ecr.aws/nginx/nginx:latest",
                memory = 512,
                essential = true,
                portMappings = new[] { new { containerPort = 80, protocol = "tcp" } },
            },
        },
    };

    /// <summary>Sends requests of one round until the deadline passes, then sends nothing more.</summary>
    private sealed class Round(AwsJsonClient ecs, RequestLog log, long deadline, CancellationToken cancellationToken)
    {
        /// <summary>Sends one request and logs it; returns its body, or null when it failed or time is up.</summary>
        public async Task<JsonNode?> Call(string operation, object input)
        {
            if (Stopwatch.GetTimestamp() >= deadline || cancellationToken.IsCancellationRequested) return null;
            var start = Stopwatch.GetTimestamp();
            AwsAnswer answer;
            try
            {
                answer = await ecs.CallAsync(operation, input, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                log.Record(operation, Stopwatch.GetTimestamp() - start, e.Message);
                return null;
            }
            var elapsed = Stopwatch.GetTimestamp() - start;
            log.Record(operation, elapsed, answer.Succeeded ? null : $"{answer.ErrorCode} {Truncate(answer.Body?.ToJsonString())}");
            return answer.Succeeded ? answer.Body ?? new JsonObject() : null;
        }

        private static string Truncate(string? text) => text is null ? "" : text.Length <= 200 ? text : text[..200] + "…";
    }
}
