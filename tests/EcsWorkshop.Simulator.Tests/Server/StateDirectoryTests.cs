using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Storage;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Server;

public sealed class StateDirectoryTests(RunningSimulator simulator) : IClassFixture<RunningSimulator>
{
    [Fact]
    public async Task A_second_server_on_the_same_state_directory_is_refused()
    {
        var error = await Assert.ThrowsAsync<StateDirectoryInUseException>(() => SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            StateDirectory = simulator.StateDirectory,
            Simulation = SimulationSettings.AtSpeed(ServedSimulator.Speed),
        }));

        Assert.Equal(simulator.StateDirectory, error.StateDirectory);
    }

    [Fact]
    public async Task A_second_workshop_serve_process_on_the_same_state_directory_exits_with_a_clear_message()
    {
        var result = await WorkshopProcess.RunAsync("serve", "--port", "0", "--state-dir", simulator.StateDirectory);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is in use by another simulator process", result.StandardError);
    }

    [Fact]
    public async Task Clusters_created_through_the_cli_are_still_there_after_a_restart()
    {
        string[] names = ["restart-a", "restart-b", "restart-c"];
        foreach (var name in names)
            (await simulator.Cli.RunAsync("ecs", "create-cluster", "--cluster-name", name)).Succeeded();

        await simulator.RestartAsync();

        var listed = (await simulator.Cli.RunAsync("ecs", "list-clusters")).Succeeded().Json
            .GetProperty("clusterArns").EnumerateArray().Select(a => a.GetString()).ToList();
        foreach (var name in names)
            Assert.Contains($"arn:aws:ecs:ap-northeast-1:123456789012:cluster/{name}", listed);
    }
}
