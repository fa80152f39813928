using System.Globalization;
using System.Text.Json;
using EcsWorkshop.Cli.Commands;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Server;

/// <summary>
/// <c>workshop serve --classroom ROSTER</c> as a separate process: it prints the host token and the room's size, serves
/// each learner of the roster through the real AWS CLI in their own account, and refuses a bad roster in Japanese.
/// </summary>
public sealed class ServeClassroomCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecs-workshop-serve-classroom-").FullName;

    [Fact(Timeout = 120_000)]
    public async Task Serve_classroom_prints_the_host_token_and_serves_each_learner_in_their_account()
    {
        var roster = Roster.Generate(3);
        var rosterPath = Path.Combine(_folder, "roster.csv");
        roster.Write(rosterPath);

        using var server = WorkshopProcess.Start("serve", "--classroom", rosterPath, "--port", "0",
            "--state-dir", Path.Combine(_folder, "state"), "--runtime", "simulated");
        var endpoint = await server.WaitForEndpointAsync();
        var learner = roster.Learners[2];
        var created = (await new AwsCli(endpoint, accessKeyId: learner.AccessKeyId, secretAccessKey: learner.SecretAccessKey)
            .RunAsync("ecs", "create-cluster", "--cluster-name", "room")).Succeeded().Json;
        using var http = new HttpClient { BaseAddress = endpoint };
        var health = JsonDocument.Parse(await http.GetStringAsync("/_workshop/health")).RootElement;

        var tokenLine = server.Printed.Split('\n').Single(l => l.StartsWith(ClassroomServing.HostTokenPrefix, StringComparison.Ordinal)).Trim();
        Assert.True(tokenLine.Length - ClassroomServing.HostTokenPrefix.Length >= 32, tokenLine);
        Assert.Contains("参加者 3 人", server.Printed);
        Assert.DoesNotContain(learner.SecretAccessKey, server.Printed);
        Assert.Equal($"arn:aws:ecs:ap-northeast-1:{learner.AccountId}:cluster/room", created.GetProperty("cluster").GetProperty("clusterArn").GetString());
        Assert.Equal(3, health.GetProperty("learners").GetInt32());
        await new AwsCli(endpoint).FailsAsync("UnrecognizedClientException", "ecs", "list-clusters");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_roster_without_its_header_is_refused_in_Japanese_with_exit_2()
    {
        var rosterPath = Path.Combine(_folder, "roster.csv");
        await File.WriteAllTextAsync(rosterPath, "learner01,123456789013,AKIAAAAAAAAAAAAAAAAA,secret-secret-secret-secret\n");

        var result = await WorkshopProcess.RunAsync("serve", "--classroom", rosterPath, "--port", "0",
            "--state-dir", Path.Combine(_folder, "state"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1 行目は見出し行", result.StandardError);
        Assert.DoesNotContain("listening", result.StandardOutput);
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
