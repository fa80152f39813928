using System.Collections.Concurrent;
using EcsWorkshop.Sessions;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Steps;
using EcsWorkshop.TestSupport;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Classroom;

/// <summary>
/// The day as it happens: the host runs <c>workshop classroom init</c> and <c>workshop serve --classroom</c>; learners
/// set the two lines of their card and the helper joins, and the real AWS CLI configured as the card says reaches the
/// same account.
/// </summary>
public sealed class ServedClassroomTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecs-workshop-served-room-").FullName;

    private string Home => Path.Combine(_folder, "home");

    /// <summary>The value of <c>export NAME=value</c> on a card.</summary>
    private static Func<string, string?> CardEnvironment(string card) => name =>
        card.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith($"export {name}=", StringComparison.Ordinal))?[$"export {name}=".Length..];

    private async Task<Workshop> JoinWithCardAsync(string card) =>
        await Workshop.JoinClassroomAsync(ClassroomSetting.Read(CardEnvironment(card))!, Home,
            new WorkshopOptions { ProgressOutput = null, PollInterval = TimeSpan.FromMilliseconds(50) }, CancellationToken.None);

    /// <summary>Runs the card's AWS CLI lines with /usr/bin/aws in a configuration of the learner's own; answers the last one's output.</summary>
    private async Task<string> RunCardCliAsync(string card, string learner)
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_CONFIG_FILE"] = Path.Combine(_folder, learner, "config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_folder, learner, "credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_PAGER"] = "",
        };
        Directory.CreateDirectory(Path.Combine(_folder, learner));
        var lines = card.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("aws ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count >= 4, card);
        ProcessOutcome last = null!;
        foreach (var line in lines)
        {
            last = await ServedClassroom.RunAsync("/usr/bin/aws", line.Split(' ')[1..], _folder, environment);
            Assert.True(last.ExitCode == 0, $"{line}: {last.Printed}");
        }
        return last.Output;
    }

    [Fact(Timeout = 240_000)]
    public async Task Each_learner_joins_with_the_two_lines_of_their_card_and_works_in_their_own_account_with_the_helper_and_the_aws_cli()
    {
        var port = FreePort.Pick();
        var init = await ServedClassroom.WorkshopAsync(_folder, "classroom", "init", "--learners", "2", "--out", "room", "--endpoint", $"http://127.0.0.1:{port}");
        Assert.True(init.ExitCode == 0, init.Printed);
        var roster = Roster.Read(Path.Combine(_folder, "room", "roster.csv"));
        var cards = roster.Learners.Select(l => File.ReadAllText(Path.Combine(_folder, "room", "cards", l.Name + ".md"))).ToList();
        using var room = await ServedClassroom.StartAsync(Path.Combine(_folder, "room", "roster.csv"), Path.Combine(_folder, "state"), port);

        await using var first = await JoinWithCardAsync(cards[0]);
        var created = await first.CreateClusterAsync("fargate-cluster");
        var firstSees = await first.Checks.ClusterExistsAsync("fargate-cluster");
        await using var second = await JoinWithCardAsync(cards[1]);
        var secondSees = await second.Checks.ClusterExistsAsync("fargate-cluster");
        var firstCli = await RunCardCliAsync(cards[0], "learner01");
        var secondCli = await RunCardCliAsync(cards[1], "learner02");

        Assert.Equal(roster.Learners[0].AccountId, first.AccountId);
        Assert.Equal(roster.Learners[1].AccountId, second.AccountId);
        Assert.Equal($"arn:aws:ecs:ap-northeast-1:{roster.Learners[0].AccountId}:cluster/fargate-cluster", created.Value.Arn);
        Assert.True(firstSees.Passed);
        Assert.False(secondSees.Passed);
        Assert.Contains($"arn:aws:ecs:ap-northeast-1:{roster.Learners[0].AccountId}:cluster/fargate-cluster", firstCli);
        Assert.DoesNotContain("fargate-cluster", secondCli);
        Assert.DoesNotContain(roster.Learners[0].SecretAccessKey, room.Printed);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_learners_lesson_and_self_checks_reach_the_rooms_observers_under_their_own_account()
    {
        var roster = Roster.Generate(2);
        var observer = new ProgressLog();
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            StateDirectory = null,
            Classroom = new ClassroomOptions(roster, "host-token-for-the-test") { Observers = [observer] },
        });
        var learner = roster.Learners[1];

        await using var workshop = await Workshop.JoinClassroomAsync(ClassroomConnection.For(learner, server.Endpoint), Home,
            new WorkshopOptions { ProgressOutput = null }, CancellationToken.None);
        workshop.OpenLesson("03-cluster");
        await workshop.CreateClusterAsync("fargate-cluster");
        await workshop.Checks.ClusterExistsAsync("fargate-cluster");
        await workshop.Checks.ImageIsPushedAsync("sample-web", "v1");
        await workshop.ProgressSentAsync();

        var reports = observer.Reports.ToList();
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Equal(learner.AccountId, r.AccountId));
        Assert.All(reports, r => Assert.Equal("03-cluster", r.Lesson));
        Assert.Equal([(null, null), ("ClusterExists", true), ("ImageIsPushed", false)], reports.Select(r => (r.Check, r.Passed)));
        Assert.Contains("sample-web", reports[2].Detail);
        Assert.Contains(observer.Calls, c => c.AccountId == learner.AccountId && c.Operation == "CreateCluster");
    }

    [Fact(Timeout = 120_000)]
    public async Task The_simulators_own_steps_are_signed_and_act_on_the_learners_own_service_only()
    {
        var roster = Roster.Generate(2);
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            StateDirectory = null,
            Simulation = SimulationSettings.AtSpeed(20),
            TickInterval = TimeSpan.FromMilliseconds(50),
            Classroom = new ClassroomOptions(roster, "host-token-for-the-test"),
        });
        var options = new WorkshopOptions { ProgressOutput = null, PollInterval = TimeSpan.FromMilliseconds(50) };
        await using var owner = await Workshop.JoinClassroomAsync(ClassroomConnection.For(roster.Learners[0], server.Endpoint), Home, options, CancellationToken.None);
        await using var neighbour = await Workshop.JoinClassroomAsync(ClassroomConnection.For(roster.Learners[1], server.Endpoint), Home, options, CancellationToken.None);
        await owner.CreateClusterAsync("fargate-cluster");
        await owner.RegisterTaskDefinitionAsync(new FargateTaskDefinition { Family = "web", Image = "httpd:2.4" });
        await owner.CreateServiceAsync("fargate-cluster", "web", "web");
        await owner.WaitForSteadyStateAsync("web", timeout: TimeSpan.FromSeconds(30), cluster: "fargate-cluster");

        var load = await owner.SetServiceLoadAsync("web", cpuPercent: 90, cluster: "fargate-cluster");
        var neighbours = await Assert.ThrowsAnyAsync<Exception>(() => neighbour.SetServiceLoadAsync("web", cpuPercent: 90, cluster: "fargate-cluster"));

        Assert.Equal((1, 90d), (load.Value.RunningCount, load.Value.CpuPercent));
        Assert.Matches("ClusterNotFoundException|ServiceNotFoundException", neighbours.ToString());
        Assert.DoesNotContain("MissingAuthenticationToken", neighbours.ToString(), StringComparison.Ordinal);
    }

    /// <summary>What a room's observer was told (the host's dashboard is another).</summary>
    private sealed class ProgressLog : IClassroomObserver
    {
        public ConcurrentQueue<ProgressReport> Reports { get; } = new();

        public ConcurrentQueue<AnsweredCall> Calls { get; } = new();

        public void Answered(AnsweredCall call) => Calls.Enqueue(call);

        public void Reported(ProgressReport report) => Reports.Enqueue(report);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
