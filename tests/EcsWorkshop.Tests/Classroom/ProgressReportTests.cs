using System.Diagnostics;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Classroom;

/// <summary>
/// The helper tells the simulator it is connected to which lesson is open and how each self-check went, signed with
/// the session's keys like an ECS call; a report that fails never fails the check.
/// </summary>
public sealed class ProgressReportTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IDisposable
{
    private const string KeyId = "AKIAPROGRESSTEST0001";
    private const string Secret = "progress-test-secret-key-0000000000000000";

    private readonly string _home = Directory.CreateTempSubdirectory("ecs-workshop-progress-").FullName;

    private Task<Workshop> JoinAsync(ProgressWitness room, string secret = Secret) =>
        Workshop.JoinClassroomAsync(new ClassroomConnection(room.Endpoint, KeyId, secret), _home,
            new WorkshopOptions { ProgressOutput = null, PollInterval = TimeSpan.FromMilliseconds(50) }, CancellationToken.None);

    [Fact]
    public async Task The_open_lesson_and_each_self_check_arrive_signed_with_the_learners_keys_for_ecs()
    {
        await using var room = await ProgressWitness.StartAsync(new SignatureVerification(KeyId, Secret), simulator.Server.Endpoint);
        await using var workshop = await JoinAsync(room);
        var cluster = Unique.Name("progress");

        workshop.OpenLesson("03-cluster");
        await workshop.CreateClusterAsync(cluster);
        var exists = await workshop.Checks.ClusterExistsAsync(cluster);
        var steady = await workshop.Checks.ServiceIsSteadyAsync("no-such-service", cluster);
        await workshop.ProgressSentAsync();

        Assert.True(exists.Passed);
        Assert.False(steady.Passed);
        var reports = room.Reports;
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Null(r.Refusal));
        Assert.All(reports, r => Assert.Equal("ap-northeast-1", r.SignedFor));
        Assert.All(reports, r => Assert.Equal("03-cluster", r.Lesson));
        Assert.Equal((null, null), (reports[0].Check, reports[0].Passed));
        Assert.Equal(("ClusterExists", true), (reports[1].Check, reports[1].Passed));
        Assert.Equal(("ServiceIsSteady", false), (reports[2].Check, reports[2].Passed));
        Assert.Contains("no-such-service", reports[2].Detail);
        Assert.DoesNotContain(room.Forwarded, f => f.Contains("progress", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_report_the_room_refuses_does_not_fail_the_self_check()
    {
        // The room knows another secret for this key: it answers InvalidSignatureException, as the JSON edge does.
        await using var room = await ProgressWitness.StartAsync(new SignatureVerification(KeyId, "another-secret-the-room-knows-000000000000"), simulator.Server.Endpoint);
        await using var workshop = await JoinAsync(room);
        var cluster = Unique.Name("refused");
        await workshop.CreateClusterAsync(cluster);

        var check = await workshop.Checks.ClusterExistsAsync(cluster);
        await workshop.ProgressSentAsync();

        Assert.True(check.Passed);
        Assert.Equal("InvalidSignatureException", Assert.Single(room.Reports).Refusal);
    }

    [Fact]
    public async Task A_room_that_never_answers_a_report_neither_delays_the_check_nor_keeps_the_report_past_its_time_limit()
    {
        await using var room = await ProgressWitness.StartAsync(new SignatureVerification(KeyId, Secret), simulator.Server.Endpoint, hang: true);
        await using var workshop = await JoinAsync(room);
        var cluster = Unique.Name("hang");
        await workshop.CreateClusterAsync(cluster);

        var clock = Stopwatch.StartNew();
        var check = await workshop.Checks.ClusterExistsAsync(cluster);
        var checkTook = clock.Elapsed;
        await workshop.ProgressSentAsync();
        var reportGaveUpAfter = clock.Elapsed;

        Assert.True(check.Passed);
        Assert.True(checkTook < TimeSpan.FromSeconds(2), $"The check took {checkTook}.");
        Assert.True(reportGaveUpAfter < TimeSpan.FromSeconds(10), $"The report was dropped only after {reportGaveUpAfter}.");
        Assert.Single(room.Reports);
    }

    [Fact]
    public async Task On_a_learners_own_simulator_the_report_goes_to_that_simulator_and_the_check_passes()
    {
        await using var workshop = await simulator.NewWorkshopAsync();
        var cluster = Unique.Name("plain");
        await workshop.CreateClusterAsync(cluster);
        workshop.OpenLesson("03-cluster");

        var check = await workshop.Checks.ClusterExistsAsync(cluster);
        await workshop.ProgressSentAsync();

        Assert.True(check.Passed);
        Assert.Equal(new Uri(simulator.Server.Endpoint, ProgressEndpoint.Path), workshop.ProgressTarget);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
