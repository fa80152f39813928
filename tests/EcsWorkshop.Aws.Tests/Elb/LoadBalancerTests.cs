using EcsWorkshop.Aws.Elb.Model;
using EcsWorkshop.Aws.Tests.Support;

namespace EcsWorkshop.Aws.Tests.Elb;

/// <summary>Our ELBv2 client against the simulator and moto: an ALB in the default VPC, end to end.</summary>
public sealed class LoadBalancerTests(Backends backends) : BackendTests(backends)
{
    private async Task<(string VpcId, string[] Subnets)> DefaultVpcAsync(string backend)
    {
        var ec2 = On(backend).Ec2;
        var vpc = (await ec2.FindDefaultVpcAsync())!;
        var subnets = await ec2.DescribeAllSubnetsAsync(vpc.VpcId!).Where(s => s.DefaultForAz == true).ToListAsync();
        return (vpc.VpcId!, [.. subnets.GroupBy(s => s.AvailabilityZone).Select(z => z.First().SubnetId!)]);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task An_alb_forwards_to_an_ip_target_group_and_is_deleted_in_order(string backend)
    {
        var elb = On(backend).Elb;
        var (vpc, subnets) = await DefaultVpcAsync(backend);
        var name = UniqueNames.Next("alb");

        var loadBalancer = await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest
        {
            Name = name,
            Subnets = [subnets[0], subnets[1]],
            Scheme = "internet-facing",
            Tags = [new ElbTag("project", "ecs-workshop")],
        });
        var group = await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest
        {
            Name = UniqueNames.Next("tg"),
            Protocol = "HTTP",
            Port = 80,
            VpcId = vpc,
            TargetType = "ip",
        });
        var listener = await elb.CreateListenerAsync(loadBalancer.LoadBalancerArn!, "HTTP", 80, group.TargetGroupArn!);
        await elb.RegisterTargetsAsync(group.TargetGroupArn!, [new TargetDescription("172.31.0.10", 8080)]);
        var health = await elb.DescribeTargetHealthAsync(group.TargetGroupArn!);
        var attached = (await elb.DescribeTargetGroupsAsync(arns: [group.TargetGroupArn!])).Items.Single();
        var tags = await elb.DescribeTagsAsync([loadBalancer.LoadBalancerArn!]);

        Assert.Equal(("application", "internet-facing", vpc, "provisioning"), (loadBalancer.Type, loadBalancer.Scheme, loadBalancer.VpcId, loadBalancer.State));
        Assert.StartsWith($"arn:aws:elasticloadbalancing:{Backends.Region}:123456789012:loadbalancer/app/{name}/", loadBalancer.LoadBalancerArn);
        Assert.EndsWith($".{Backends.Region}.elb.amazonaws.com", loadBalancer.DnsName);
        Assert.Equal(2, loadBalancer.AvailabilityZones.Count);
        Assert.Equal([loadBalancer.LoadBalancerArn!], attached.LoadBalancerArns);
        Assert.Equal([new ListenerAction("forward", group.TargetGroupArn)], listener.DefaultActions);
        Assert.Equal([new TargetDescription("172.31.0.10", 8080)], health.Select(h => h.Target with { AvailabilityZone = null }));
        Assert.Equal([new ElbTag("project", "ecs-workshop")], tags.Single().Tags);

        await elb.DeleteListenerAsync(listener.ListenerArn!);
        await elb.DeleteLoadBalancerAsync(loadBalancer.LoadBalancerArn!);
        await elb.DeleteTargetGroupAsync(group.TargetGroupArn!);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => elb.DescribeLoadBalancersAsync(names: [name]));
        Assert.Equal(("LoadBalancerNotFound", "elasticloadbalancing", "DescribeLoadBalancers"), (error.ErrorCode, error.Service, error.Operation));
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task A_target_group_in_use_by_a_listener_cannot_be_deleted(string backend)
    {
        var elb = On(backend).Elb;
        var (vpc, subnets) = await DefaultVpcAsync(backend);
        var loadBalancer = await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { Name = UniqueNames.Next("alb"), Subnets = [subnets[0], subnets[1]] });
        var group = await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest { Name = UniqueNames.Next("tg"), Protocol = "HTTP", Port = 80, VpcId = vpc, TargetType = "ip" });
        await elb.CreateListenerAsync(loadBalancer.LoadBalancerArn!, "HTTP", 80, group.TargetGroupArn!);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => elb.DeleteTargetGroupAsync(group.TargetGroupArn!));

        Assert.Equal("ResourceInUse", error.ErrorCode);
        Assert.Contains(group.TargetGroupArn!, error.ErrorMessage);
    }

    [Theory]
    [MemberData(nameof(Backends.Both), MemberType = typeof(Backends))]
    public async Task The_deregistration_delay_defaults_to_300_seconds_and_can_be_changed(string backend)
    {
        var elb = On(backend).Elb;
        var (vpc, _) = await DefaultVpcAsync(backend);
        var group = await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest { Name = UniqueNames.Next("tg"), Protocol = "HTTP", Port = 80, VpcId = vpc, TargetType = "ip" });

        var before = await elb.DescribeTargetGroupAttributesAsync(group.TargetGroupArn!);
        var after = await elb.ModifyTargetGroupAttributesAsync(group.TargetGroupArn!, new Dictionary<string, string> { ["deregistration_delay.timeout_seconds"] = "30" });

        Assert.Equal("300", before["deregistration_delay.timeout_seconds"]);
        Assert.Equal("30", after["deregistration_delay.timeout_seconds"]);
    }

    [Fact]
    public async Task A_load_balancer_in_one_subnet_is_a_ValidationError()
    {
        var (_, subnets) = await DefaultVpcAsync(Backends.Simulator);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Simulator.Elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { Name = UniqueNames.Next("alb"), Subnets = [subnets[0]] }));

        Assert.Equal(("ValidationError", System.Net.HttpStatusCode.BadRequest), (error.ErrorCode, error.StatusCode));
        Assert.Equal("At least two subnets in two different Availability Zones must be specified", error.ErrorMessage);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }

    [Fact]
    public async Task Moto_accepts_an_alb_in_one_subnet_which_aws_refuses()
    {
        var (_, subnets) = await DefaultVpcAsync(Backends.Moto);

        var created = await Moto.Elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest { Name = UniqueNames.Next("alb"), Subnets = [subnets[0]] });

        Assert.Single(created.AvailabilityZones);
    }
}
