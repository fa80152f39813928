namespace EcsWorkshop.Simulator.Tests.Classroom;

/// <summary>
/// The classroom's observers hear every call answered on the JSON and the Query edges: whose it was, the service, the
/// operation, the status and the error AWS answered with.
/// </summary>
public sealed class AnsweredCallTests(ClassroomSimulator room) : IClassFixture<ClassroomSimulator>
{
    [Fact(Timeout = 60_000)]
    public async Task A_successful_JSON_call_is_heard_with_the_learners_account()
    {
        (await room.Cli(room.A).RunAsync("ecs", "create-cluster", "--cluster-name", "heard")).Succeeded();

        Assert.Contains(room.Observer.Calls, c =>
            c is { Service: "ecs", Operation: "CreateCluster", Status: 200, ErrorCode: null } && c.AccountId == room.A.AccountId);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_refused_JSON_call_is_heard_with_its_error()
    {
        await room.Cli(room.B).FailsAsync("ClusterNotFoundException", "ecs", "delete-cluster", "--cluster", "never-made");

        Assert.Contains(room.Observer.Calls, c =>
            c is { Service: "ecs", Operation: "DeleteCluster", Status: 400, ErrorCode: "ClusterNotFoundException", ErrorMessage: "Cluster not found." }
            && c.AccountId == room.B.AccountId);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_learners_call_with_a_wrong_secret_is_heard_as_theirs()
    {
        var forged = new TestSupport.AwsCli(room.Server.Endpoint, accessKeyId: room.B.AccessKeyId, secretAccessKey: "wrong-secret-wrong-secret");

        await forged.FailsAsync("InvalidSignatureException", "ecs", "list-services", "--cluster", "x");

        Assert.Contains(room.Observer.Calls, c =>
            c is { Operation: "ListServices", Status: 400, ErrorCode: "InvalidSignatureException" } && c.AccountId == room.B.AccountId);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_Query_call_is_heard_with_its_signing_name_and_action()
    {
        (await room.Cli(room.B).RunAsync("elbv2", "describe-target-groups")).Succeeded();

        Assert.Contains(room.Observer.Calls, c =>
            c is { Service: "elasticloadbalancing", Operation: "DescribeTargetGroups", Status: 200 } && c.AccountId == room.B.AccountId);
    }
}
