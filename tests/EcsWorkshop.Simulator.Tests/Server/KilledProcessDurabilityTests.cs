using System.Globalization;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Server;

public sealed class KilledProcessDurabilityTests : IDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("ecs-workshop-kill-").FullName;

    [Fact]
    public async Task Every_acknowledged_cluster_survives_kill_minus_9_of_the_server()
    {
        var names = Enumerable.Range(1, 4).Select(i => $"survivor-{i}").ToList();
        using (var first = StartServer(out var endpoint))
        {
            await first.WaitUntilHealthyAsync(endpoint);
            var cli = new AwsCli(endpoint);
            foreach (var name in names)
                (await cli.RunAsync("ecs", "create-cluster", "--cluster-name", name)).Succeeded();

            first.KillHard();
        }

        using var second = StartServer(out var restarted);
        await second.WaitUntilHealthyAsync(restarted);
        var listed = (await new AwsCli(restarted).RunAsync("ecs", "list-clusters")).Succeeded().Json
            .GetProperty("clusterArns").EnumerateArray().Select(a => a.GetString()).ToList();

        Assert.Equal(names.Select(n => $"arn:aws:ecs:ap-northeast-1:123456789012:cluster/{n}").Order(), listed.Order());
    }

    private WorkshopProcess StartServer(out Uri endpoint)
    {
        var port = FreePort.Pick();
        endpoint = new Uri($"http://127.0.0.1:{port}");
        return WorkshopProcess.Start("serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--state-dir", _stateDirectory, "--speed", "20", "--runtime", "simulated");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
