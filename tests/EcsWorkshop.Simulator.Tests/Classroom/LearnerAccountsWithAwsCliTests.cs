using EcsWorkshop.Facts.Simulator;

namespace EcsWorkshop.Simulator.Tests.Classroom;

/// <summary>
/// Two learners of a classroom through the real AWS CLI, each with their own key pair: each lives in their own account,
/// sees only their own resources, and cannot reach the other's, as AWS answers for a resource that does not exist.
/// </summary>
public sealed class LearnerAccountsWithAwsCliTests(ClassroomSimulator room) : IClassFixture<ClassroomSimulator>
{
    [Fact(Timeout = 120_000)]
    public async Task Two_learners_create_a_cluster_of_the_same_name_each_in_their_own_account()
    {
        var a = (await room.Cli(room.A).RunAsync("ecs", "create-cluster", "--cluster-name", "same-name")).Succeeded().Json;
        var b = (await room.Cli(room.B).RunAsync("ecs", "create-cluster", "--cluster-name", "same-name")).Succeeded().Json;

        Assert.Equal($"arn:aws:ecs:ap-northeast-1:{room.A.AccountId}:cluster/same-name", a.GetProperty("cluster").GetProperty("clusterArn").GetString());
        Assert.Equal($"arn:aws:ecs:ap-northeast-1:{room.B.AccountId}:cluster/same-name", b.GetProperty("cluster").GetProperty("clusterArn").GetString());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_learner_lists_only_their_own_clusters()
    {
        (await room.Cli(room.A).RunAsync("ecs", "create-cluster", "--cluster-name", "only-a")).Succeeded();

        var ofA = (await room.Cli(room.A).RunAsync("ecs", "list-clusters")).Succeeded().Json.GetProperty("clusterArns").EnumerateArray().Select(e => e.GetString()).ToList();
        var ofB = (await room.Cli(room.B).RunAsync("ecs", "list-clusters")).Succeeded().Json.GetProperty("clusterArns").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Contains($"arn:aws:ecs:ap-northeast-1:{room.A.AccountId}:cluster/only-a", ofA);
        Assert.All(ofA, arn => Assert.Contains($":{room.A.AccountId}:", arn));
        Assert.DoesNotContain(ofB, arn => arn!.EndsWith("/only-a", StringComparison.Ordinal));
        Assert.All(ofB, arn => Assert.Contains($":{room.B.AccountId}:", arn));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_other_learners_cluster_ARN_is_a_missing_cluster()
    {
        var arn = (await room.Cli(room.A).RunAsync("ecs", "create-cluster", "--cluster-name", "private-a")).Succeeded()
            .Json.GetProperty("cluster").GetProperty("clusterArn").GetString()!;

        var described = (await room.Cli(room.B).RunAsync("ecs", "describe-clusters", "--clusters", arn)).Succeeded().Json;
        var error = await room.Cli(room.B).FailsAsync("ClusterNotFoundException", "ecs", "delete-cluster", "--cluster", arn);

        Assert.Empty(described.GetProperty("clusters").EnumerateArray());
        Assert.Equal("MISSING", described.GetProperty("failures")[0].GetProperty("reason").GetString());
        Assert.Contains("Cluster not found", error);
        Assert.Single(room.Server.Accounts.Find(room.A.AccountId)!.Simulation.Ecs.World.Clusters.Values, c => c.Arn == arn);
    }

    [Fact(Timeout = 120_000)]
    public async Task Log_groups_and_repositories_carry_the_learners_account()
    {
        (await room.Cli(room.B).RunAsync("logs", "create-log-group", "--log-group-name", "/ecs/b-only")).Succeeded();
        var repository = (await room.Cli(room.B).RunAsync("ecr", "create-repository", "--repository-name", "b-only")).Succeeded().Json.GetProperty("repository");

        var groupsOfB = (await room.Cli(room.B).RunAsync("logs", "describe-log-groups", "--log-group-name-prefix", "/ecs/b-only")).Succeeded().Json.GetProperty("logGroups");
        var groupsOfA = (await room.Cli(room.A).RunAsync("logs", "describe-log-groups", "--log-group-name-prefix", "/ecs/b-only")).Succeeded().Json.GetProperty("logGroups");
        await room.Cli(room.A).FailsAsync("RepositoryNotFoundException", "ecr", "describe-repositories", "--repository-names", "b-only");

        Assert.Equal($"arn:aws:ecr:ap-northeast-1:{room.B.AccountId}:repository/b-only", repository.GetProperty("repositoryArn").GetString());
        Assert.Equal(room.B.AccountId, repository.GetProperty("registryId").GetString());
        Assert.StartsWith($"arn:aws:logs:ap-northeast-1:{room.B.AccountId}:log-group:/ecs/b-only", groupsOfB[0].GetProperty("arn").GetString());
        Assert.Empty(groupsOfA.EnumerateArray());
        Assert.NotEqual(SimulatedAccount.Id, room.B.AccountId);
    }
}
