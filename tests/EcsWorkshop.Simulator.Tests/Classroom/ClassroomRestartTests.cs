namespace EcsWorkshop.Simulator.Tests.Classroom;

/// <summary>A classroom restarted on the same state directory keeps every learner's world, each in its own account.</summary>
public sealed class ClassroomRestartTests(ClassroomSimulator room) : IClassFixture<ClassroomSimulator>
{
    [Fact(Timeout = 120_000)]
    public async Task A_restart_keeps_both_learners_state_apart()
    {
        (await room.Cli(room.A).RunAsync("ecs", "create-cluster", "--cluster-name", "kept-a")).Succeeded();
        (await room.Cli(room.B).RunAsync("ecs", "create-cluster", "--cluster-name", "kept-b")).Succeeded();
        (await room.Cli(room.B).RunAsync("ecr", "create-repository", "--repository-name", "kept-b")).Succeeded();

        await room.RestartAsync();
        var ofA = (await room.Cli(room.A).RunAsync("ecs", "list-clusters")).Succeeded().Json.GetProperty("clusterArns").EnumerateArray().Select(e => e.GetString()).ToList();
        var ofB = (await room.Cli(room.B).RunAsync("ecs", "list-clusters")).Succeeded().Json.GetProperty("clusterArns").EnumerateArray().Select(e => e.GetString()).ToList();
        var repository = (await room.Cli(room.B).RunAsync("ecr", "describe-repositories", "--repository-names", "kept-b")).Succeeded().Json;

        Assert.Equal([$"arn:aws:ecs:ap-northeast-1:{room.A.AccountId}:cluster/kept-a"], ofA);
        Assert.Equal([$"arn:aws:ecs:ap-northeast-1:{room.B.AccountId}:cluster/kept-b"], ofB);
        Assert.Equal(room.B.AccountId, repository.GetProperty("repositories")[0].GetProperty("registryId").GetString());
        Assert.True(Directory.Exists(Path.Combine(room.StateDirectory, "accounts", room.A.AccountId)));
        Assert.True(Directory.Exists(Path.Combine(room.StateDirectory, "accounts", room.B.AccountId)));
    }
}
