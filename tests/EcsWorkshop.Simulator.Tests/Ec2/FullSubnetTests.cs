using System.Net;
using System.Text.Json;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Ecs.Domain;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Ecs.Wire;
using EcsWorkshop.Simulator.Errors;
using EcsWorkshop.Simulator.Storage;
using EcsWorkshop.Simulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EcsWorkshop.Simulator.Tests.Ec2;

/// <summary>
/// A subnet holds as many awsvpc tasks as it has addresses (less the five AWS reserves); then ECS uses the next
/// listed subnet, and when every listed subnet is full the task is refused with the subnet named. Run against ECS
/// in a VPC of two small subnets (a /28 holds 11 tasks).
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

    private readonly EcsEngine _engine;
    private readonly AwsJsonService _ecs;

    public FullSubnetTests()
    {
        _engine = new EcsEngine(StateStore.InMemory(), new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)),
            SimulationSettings.AtSpeed(1), IdGenerator.Seeded(3), networks: new SmallVpc());
        _ecs = new EcsApi(_engine).CreateService();
        _ecs.InvokeAsync("CreateCluster", RequestContext.For(SimulatedWorld.Region), JsonSerializer.SerializeToElement(new { clusterName = TaskTestSupport.Cluster }))
            .GetAwaiter().GetResult();
        TestTaskDefinitions.PutFargate(_engine, new EcsArns(SimulatedWorld.Region, SimulatedAccount.Id));
    }

    private Task<object> RunAsync(int count, params string[] subnets) =>
        _ecs.InvokeAsync("RunTask", RequestContext.For(SimulatedWorld.Region), JsonSerializer.SerializeToElement(new
        {
            cluster = TaskTestSupport.Cluster, taskDefinition = "web", launchType = "FARGATE", count = Math.Min(count, 10),
            networkConfiguration = new { awsvpcConfiguration = new { subnets } },
        }));

    private IEnumerable<NetworkInterfaceAttachment> Interfaces => _engine.World.Tasks.Values.Select(t => t.NetworkInterface!);

    [Fact]
    public async Task Eleven_tasks_fill_a_slash_28_each_at_its_own_usable_address_and_the_twelfth_is_refused()
    {
        await RunAsync(10, First.SubnetId);
        await RunAsync(1, First.SubnetId);

        var error = await Assert.ThrowsAsync<DomainError>(() => RunAsync(1, First.SubnetId));

        Assert.Equal("InvalidParameterException", error.Error.Code);
        Assert.Equal($"There are not enough free addresses in subnet '{First.SubnetId}' to satisfy the requested number of instances.", error.Message);
        Assert.Equal(
            Enumerable.Range(4, 11).Select(i => $"10.9.0.{i}"),
            Interfaces.Select(n => n.PrivateIpv4Address).Order(Comparer<string>.Create((a, b) => IPAddress.Parse(a).GetAddressBytes()[3].CompareTo(IPAddress.Parse(b).GetAddressBytes()[3]))));
    }

    [Fact]
    public async Task When_the_first_listed_subnet_is_full_tasks_go_to_the_next_one()
    {
        await RunAsync(10, First.SubnetId);
        await RunAsync(1, First.SubnetId);

        await RunAsync(2, First.SubnetId, Second.SubnetId);

        Assert.Equal(2, Interfaces.Count(n => n.SubnetId == Second.SubnetId));
        Assert.All(Interfaces.Where(n => n.SubnetId == Second.SubnetId), n => Assert.True(IPNetwork.Parse(Second.CidrBlock).Contains(IPAddress.Parse(n.PrivateIpv4Address))));
    }
}
