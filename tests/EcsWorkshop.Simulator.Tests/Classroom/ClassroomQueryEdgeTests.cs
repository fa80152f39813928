namespace EcsWorkshop.Simulator.Tests.Classroom;

/// <summary>The Query edge (ELBv2, EC2) of a classroom answers each learner from their own account.</summary>
public sealed class ClassroomQueryEdgeTests(ClassroomSimulator room) : IClassFixture<ClassroomSimulator>
{
    [Fact(Timeout = 120_000)]
    public async Task A_learner_describes_only_their_own_load_balancers()
    {
        var subnets = await Elbv2.Elbv2Cli.DefaultSubnetsAsync(room.Cli(room.A));
        var created = (await room.Cli(room.A).RunAsync("elbv2", "create-load-balancer", "--name", "lb-of-a", "--subnets", subnets[0], subnets[1]))
            .Succeeded().Json.GetProperty("LoadBalancers")[0].GetProperty("LoadBalancerArn").GetString()!;

        var ofA = (await room.Cli(room.A).RunAsync("elbv2", "describe-load-balancers")).Succeeded().Json.GetProperty("LoadBalancers");
        var ofB = (await room.Cli(room.B).RunAsync("elbv2", "describe-load-balancers")).Succeeded().Json.GetProperty("LoadBalancers");
        await room.Cli(room.B).FailsAsync("LoadBalancerNotFound", "elbv2", "describe-load-balancers", "--load-balancer-arns", created);

        Assert.StartsWith($"arn:aws:elasticloadbalancing:ap-northeast-1:{room.A.AccountId}:loadbalancer/app/lb-of-a/", created);
        Assert.Single(ofA.EnumerateArray(), lb => lb.GetProperty("LoadBalancerArn").GetString() == created);
        Assert.Empty(ofB.EnumerateArray());
    }
}
