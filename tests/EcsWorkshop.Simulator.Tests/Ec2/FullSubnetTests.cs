using System.Net;
using System.Text.Json;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Ecs.Wire;
using EcsWorkshop.Simulator.Storage;
using EcsWorkshop.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EcsWorkshop.Simulator.Tests.Ec2;

/// <summary>
/// A subnet holds as many awsvpc tasks as it has addresses (less the five AWS reserves); then ECS uses the next
/// listed subnet. When every listed subnet is full, ECS still creates the task, as AWS does: RunTask answers with it in
/// PROVISIONING, and it then stops with TaskFailedToStart and EC2's reason, no container having started; a service
/// counts such tasks as failed to start. Run against ECS in a VPC of two small subnets (a /28 holds 11 tasks).
/// </summary>
public sealed class FullSubnetTests
{
    private static readonly TaskSubnet First = new("subnet-0000000000000000a", "ap-northeast-1a", "10.9.0.0/28");
    private static readonly TaskSubnet Second = new("subnet-0000000000000000c", "ap-northeast-1c", "10.9.0.16/28");

    /// <summary>A VPC of two /28 subnets and one security group.</summary>
    private sealed class SmallVpc : ITaskNetworks
    {
        public TaskSubnet? Subnet(string region, string subnetId) => new[] { First, Second }.FirstOrDefault(s => s.SubnetId == subnetId);

        public bool SecurityGroupExists(string region, string groupId) => groupId == "sg-0000000000000000a";
    }

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly EcsEngine _engine;
    private readonly AwsJsonService _ecs;

    public FullSubnetTests()
    {
        _engine = new EcsEngine(StateStore.InMemory(), _clock, SimulationSettings.AtSpeed(1), IdGenerator.Seeded(3), networks: new SmallVpc());
        _ecs = new EcsApi(_engine).CreateService();
        Call("CreateCluster", new { clusterName = TaskTestSupport.Cluster });
        TestTaskDefinitions.PutFargate(_engine, new EcsArns(SimulatedWorld.Region, SimulatedAccount.Id));
    }

    private JsonElement Call(string operation, object body)
    {
        var result = _ecs.InvokeAsync(operation, RequestContext.For(SimulatedWorld.Region), JsonSerializer.SerializeToElement(body)).GetAwaiter().GetResult();
        return JsonSerializer.SerializeToElement(result, result.GetType(), _ecs.Options);
    }

    private JsonElement RunTask(int count, string assignPublicIp, string[] subnets) =>
        Call("RunTask", new
        {
            cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", count = Math.Min(count, 10),
            networkConfiguration = new { awsvpcConfiguration = new { subnets, assignPublicIp } },
        });

    private JsonElement Run(int count, params string[] subnets) => RunTask(count, "DISABLED", subnets);

    private JsonElement Describe(string taskArn) =>
        Call("DescribeTasks", new { cluster = TaskTestSupport.Cluster, tasks = new[] { taskArn } }).GetProperty("tasks")[0];

    private void FillFirstSubnet()
    {
        Run(10, First.SubnetId);
        Run(1, First.SubnetId);
    }

    /// <summary>Moves the clock on in one-second ticks, letting the scheduler act at each.</summary>
    private void Advance(TimeSpan duration)
    {
        for (var passed = TimeSpan.Zero; passed < duration; passed += TimeSpan.FromSeconds(1))
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            _engine.Advance();
        }
    }

    private IEnumerable<NetworkInterfaceAttachment> Interfaces => _engine.World.Tasks.Values.Where(t => t.NetworkInterface is not null).Select(t => t.NetworkInterface!);

    [Fact]
    public void Eleven_tasks_fill_a_slash_28_each_at_its_own_usable_address()
    {
        FillFirstSubnet();

        Assert.Equal(
            Enumerable.Range(4, 11).Select(i => $"10.9.0.{i}"),
            Interfaces.Select(n => n.PrivateIpv4Address).Order(Comparer<string>.Create((a, b) => IPAddress.Parse(a).GetAddressBytes()[3].CompareTo(IPAddress.Parse(b).GetAddressBytes()[3]))));
    }

    [Fact]
    public void The_twelfth_task_is_created_in_provisioning_without_a_network_interface()
    {
        FillFirstSubnet();

        var answer = Run(1, First.SubnetId);

        Assert.Equal(0, answer.GetProperty("failures").GetArrayLength());
        var task = answer.GetProperty("tasks")[0];
        Assert.Equal("PROVISIONING", task.GetProperty("lastStatus").GetString());
        Assert.Equal("RUNNING", task.GetProperty("desiredStatus").GetString());
        Assert.Equal(First.AvailabilityZone, task.GetProperty("availabilityZone").GetString());
        Assert.Equal(11, Interfaces.Count());
    }

    [Fact]
    public void The_task_of_a_full_subnet_stops_with_TaskFailedToStart_and_EC2s_reason_and_no_container_started()
    {
        FillFirstSubnet();
        var taskArn = Run(1, First.SubnetId).GetProperty("tasks")[0].GetProperty("taskArn").GetString()!;

        Advance(TimeSpan.FromMinutes(2));

        var task = Describe(taskArn);
        Assert.Equal("STOPPED", task.GetProperty("lastStatus").GetString());
        Assert.Equal("TaskFailedToStart", task.GetProperty("stopCode").GetString());
        Assert.Equal($"Unexpected EC2 error while attempting to Create Network Interface in subnet '{First.SubnetId}': InsufficientFreeAddressesInSubnet",
            task.GetProperty("stoppedReason").GetString());
        Assert.False(task.TryGetProperty("startedAt", out _));
        Assert.All(task.GetProperty("containers").EnumerateArray(), c => Assert.False(c.TryGetProperty("exitCode", out _)));
        Assert.Equal(11, _engine.World.Tasks.Values.Count(t => t.LastStatus == EcsTaskStatus.Running));
    }

    [Fact]
    public void With_a_public_ip_the_reason_names_the_public_ip_assignment_as_AWS_documents_it()
    {
        FillFirstSubnet();
        var taskArn = RunTask(1, "ENABLED", [First.SubnetId]).GetProperty("tasks")[0].GetProperty("taskArn").GetString()!;

        Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(
            $"Unexpected EC2 error while attempting to Create Network Interface with public IP assignment enabled in subnet '{First.SubnetId}': InsufficientFreeAddressesInSubnet",
            Describe(taskArn).GetProperty("stoppedReason").GetString());
    }

    [Fact]
    public void When_the_first_listed_subnet_is_full_tasks_go_to_the_next_one()
    {
        FillFirstSubnet();

        Run(2, First.SubnetId, Second.SubnetId);

        Assert.Equal(2, Interfaces.Count(n => n.SubnetId == Second.SubnetId));
        Assert.All(Interfaces.Where(n => n.SubnetId == Second.SubnetId), n => Assert.True(IPNetwork.Parse(Second.CidrBlock).Contains(IPAddress.Parse(n.PrivateIpv4Address))));
        Assert.All(_engine.World.Tasks.Values, t => Assert.Null(t.NetworkInterfaceFailure));
    }

    [Fact]
    public void A_service_in_a_full_subnet_starts_tasks_that_fail_to_start_and_says_so_in_its_events()
    {
        FillFirstSubnet();

        Call("CreateService", new
        {
            cluster = TaskTestSupport.Cluster, serviceName = "web", taskDefinition = "web", desiredCount = 1, launchType = "FARGATE",
            networkConfiguration = new { awsvpcConfiguration = new { subnets = new[] { First.SubnetId } } },
        });
        Advance(TimeSpan.FromMinutes(10));

        var service = Call("DescribeServices", new { cluster = TaskTestSupport.Cluster, services = new[] { "web" } }).GetProperty("services")[0];
        var events = service.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains(events, e => e.StartsWith("(service web) has started 1 tasks: (task ", StringComparison.Ordinal));
        Assert.Contains("(service web) is unable to consistently start tasks successfully.", events);
        Assert.True(service.GetProperty("deployments")[0].GetProperty("failedTasks").GetInt32() >= 2);
        Assert.Equal(0, service.GetProperty("runningCount").GetInt32());
        var stopped = _engine.World.Tasks.Values.Where(t => t.ServiceArn is not null && t.LastStatus == EcsTaskStatus.Stopped).ToList();
        Assert.NotEmpty(stopped);
        Assert.All(stopped, t => Assert.Equal(StopCode.TaskFailedToStart, t.StopCode));
    }

    [Fact]
    public void A_task_waiting_on_a_full_subnet_keeps_its_failure_across_a_restart()
    {
        var directory = Directory.CreateTempSubdirectory("ecs-workshop-full-subnet-").FullName;
        try
        {
            string taskArn;
            using (var store = StateStore.Open(directory))
            {
                var engine = new EcsEngine(store, _clock, SimulationSettings.AtSpeed(1), IdGenerator.Seeded(4), networks: new SmallVpc());
                var ecs = new EcsApi(engine).CreateService();
                JsonElement Invoke(string operation, object body) => JsonSerializer.SerializeToElement(
                    ecs.InvokeAsync(operation, RequestContext.For(SimulatedWorld.Region), JsonSerializer.SerializeToElement(body)).GetAwaiter().GetResult());
                Invoke("CreateCluster", new { clusterName = TaskTestSupport.Cluster });
                TestTaskDefinitions.PutFargate(engine, new EcsArns(SimulatedWorld.Region, SimulatedAccount.Id));
                var network = new { awsvpcConfiguration = new { subnets = new[] { First.SubnetId } } };
                Invoke("RunTask", new { cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", count = 10, networkConfiguration = network });
                Invoke("RunTask", new { cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", count = 1, networkConfiguration = network });
                Invoke("RunTask", new { cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", count = 1, networkConfiguration = network });
                taskArn = engine.World.Tasks.Values.Single(t => t.NetworkInterfaceFailure is not null).Arn;
            }

            using var reopened = StateStore.Open(directory);
            var restarted = new EcsEngine(reopened, _clock, SimulationSettings.AtSpeed(1), IdGenerator.Seeded(5), networks: new SmallVpc());
            Assert.Equal(EcsTaskStatus.Provisioning, restarted.World.Tasks[taskArn].LastStatus);
            _clock.Advance(TimeSpan.FromMinutes(2));
            restarted.Advance();
            var task = restarted.World.Tasks[taskArn];
            Assert.Equal(StopCode.TaskFailedToStart, task.StopCode);
            Assert.Equal(StopReasons.SubnetHasNoFreeAddresses.Format(First.SubnetId), task.StoppedReason);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
