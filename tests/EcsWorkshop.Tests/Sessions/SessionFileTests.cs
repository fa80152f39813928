using EcsWorkshop.Sessions;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.TestSupport;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Sessions;

/// <summary>
/// The session belongs to the simulator's world and is kept in the helper's own folder: lessons in separate kernels on
/// one world share one session; separate worlds never share one; nothing is written into the simulator's state folder.
/// </summary>
public sealed class SessionFileTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private readonly string _home = Directory.CreateTempSubdirectory("ecs-workshop-home-").FullName;

    private Task<Workshop> StartOnAsync(int port, string? stateDirectory = null) => Workshop.StartAsync(
        new SimulatorLocation { Port = port, StateDirectory = stateDirectory ?? Directory.CreateTempSubdirectory("ecs-workshop-unused-").FullName, Environment = NoEnvironment },
        _home, new WorkshopOptions { ProgressOutput = null }, CancellationToken.None);

    [Fact]
    public async Task A_local_simulator_tells_where_its_world_is_kept()
    {
        var folder = await SimulatorLocator.LocalStateDirectoryAsync(simulator.Server.Endpoint);

        Assert.Equal(Path.GetFullPath(simulator.StateDirectory), Path.GetFullPath(folder!));
    }

    [Fact]
    public async Task Nothing_listening_means_no_state_folder()
    {
        Assert.Null(await SimulatorLocator.LocalStateDirectoryAsync(new Uri($"http://127.0.0.1:{FreePort.Pick()}")));
    }

    [Fact]
    public async Task Two_sessions_opened_on_the_same_world_share_one_session_id()
    {
        await using var first = await StartOnAsync(simulator.Server.Endpoint.Port);
        await using var second = await StartOnAsync(simulator.Server.Endpoint.Port);

        Assert.Equal(first.SessionId, second.SessionId);
        Assert.True(File.Exists(SessionFiles.ForSimulator(_home, simulator.Server.Endpoint, simulator.StateDirectory)));
    }

    [Fact]
    public async Task The_session_is_kept_in_the_helpers_folder_and_nothing_is_written_into_the_state_folder()
    {
        var before = Directory.GetFiles(simulator.StateDirectory).Select(Path.GetFileName).Order().ToList();

        await using var workshop = await StartOnAsync(simulator.Server.Endpoint.Port);
        await workshop.CreateRepositoryAsync(Unique.Name("repo"));

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_home, SessionFiles.FolderName)));
        Assert.Contains(workshop.SessionId, File.ReadAllText(file));
        Assert.Equal(before, Directory.GetFiles(simulator.StateDirectory).Select(Path.GetFileName).Order().ToList());
        Assert.False(File.Exists(Path.Combine(simulator.StateDirectory, SessionFiles.LegacyFileName)));
    }

    [Fact]
    public async Task A_kernel_that_finds_the_simulator_another_kernel_started_shares_that_kernels_session()
    {
        var state = Directory.CreateTempSubdirectory("ecs-workshop-world-").FullName;
        var port = FreePort.Pick();
        await using var starter = await StartOnAsync(port, state);
        await using var finder = await StartOnAsync(port, state);

        Assert.Equal(starter.SessionId, finder.SessionId);
    }

    [Fact]
    public async Task Separate_worlds_never_share_a_session()
    {
        await using var other = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            StateDirectory = Directory.CreateTempSubdirectory("ecs-workshop-other-world-").FullName,
        });

        await using var onFixture = await StartOnAsync(simulator.Server.Endpoint.Port);
        await using var onOther = await StartOnAsync(other.Endpoint.Port);

        Assert.NotEqual(onFixture.SessionId, onOther.SessionId);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_home, SessionFiles.FolderName)).Length);
    }

    [Fact]
    public async Task Two_simulators_without_a_state_folder_are_separate_worlds_too()
    {
        await using var first = await SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, StateDirectory = null });
        await using var second = await SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, StateDirectory = null });

        await using var onFirst = await StartOnAsync(first.Endpoint.Port);
        await using var onSecond = await StartOnAsync(second.Endpoint.Port);

        Assert.NotEqual(onFirst.SessionId, onSecond.SessionId);
    }

    [Fact]
    public async Task The_session_an_earlier_version_kept_in_the_state_folder_is_taken_over_and_left_in_place()
    {
        var state = Directory.CreateTempSubdirectory("ecs-workshop-updated-").FullName;
        var legacy = Path.Combine(state, SessionFiles.LegacyFileName);
        File.WriteAllText(legacy, """{ "sessionId": "0123456789ab", "repositories": ["sample-web"], "logGroups": [] }""");
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, StateDirectory = state });

        await using var workshop = await StartOnAsync(server.Endpoint.Port);

        Assert.Equal("0123456789ab", workshop.SessionId);
        Assert.Contains("sample-web", File.ReadAllText(SessionFiles.ForSimulator(_home, server.Endpoint, state)));
        Assert.Contains("sample-web", File.ReadAllText(legacy));
    }

    [Fact]
    public async Task The_session_of_a_state_folder_that_is_gone_is_forgotten_at_the_next_start()
    {
        var gone = Directory.CreateTempSubdirectory("ecs-workshop-gone-").FullName;
        string goneFile;
        await using (var server = await SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, StateDirectory = gone }))
        {
            await using var workshop = await StartOnAsync(server.Endpoint.Port);
            goneFile = SessionFiles.ForSimulator(_home, server.Endpoint, gone);
        }
        Directory.Delete(gone, recursive: true);
        Assert.True(File.Exists(goneFile));

        await using var next = await StartOnAsync(simulator.Server.Endpoint.Port);

        Assert.False(File.Exists(goneFile));
        Assert.True(File.Exists(SessionFiles.ForSimulator(_home, simulator.Server.Endpoint, simulator.StateDirectory)));
    }
}
