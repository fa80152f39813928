using System.Globalization;
using System.Text.Json;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// <c>workshop serve</c>'s signature options: off by default (any key works); with <c>--verify-signatures</c> the
/// key pair given on the command line wins over the environment's, which wins over the workshop's documented pair.
/// </summary>
public sealed class VerifySignaturesOptionTests : IDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("ecs-workshop-verify-option-").FullName;

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["WORKSHOP_ACCESS_KEY_ID"] = "AKIAFROMENVIRONMENT",
        ["WORKSHOP_SECRET_ACCESS_KEY"] = "secret-from-environment",
    };

    private async Task<(WorkshopProcess Server, Uri Endpoint)> ServeAsync(params string[] options)
    {
        var server = WorkshopProcess.Start(Environment, ["serve", "--port", "0", "--state-dir", _stateDirectory, .. options]);
        var endpoint = await server.WaitForEndpointAsync();
        return (server, endpoint);
    }

    [Fact(Timeout = 120_000)]
    public async Task Without_the_option_any_key_works()
    {
        var (server, endpoint) = await ServeAsync();
        using (server)
        {
            using var http = new HttpClient { BaseAddress = endpoint };
            var health = JsonDocument.Parse(await http.GetStringAsync("/_workshop/health")).RootElement;

            (await new AwsCli(endpoint, accessKeyId: "AKIAANYTHING", secretAccessKey: "anything").RunAsync("ecs", "list-clusters")).Succeeded();
            Assert.False(health.GetProperty("verifiesSignatures").GetBoolean());
            Assert.Contains("Signatures are not verified", server.Printed);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task The_key_pair_on_the_command_line_wins_over_the_environment()
    {
        var (server, endpoint) = await ServeAsync("--verify-signatures", "--access-key-id", "AKIAFROMOPTION", "--secret-access-key", "secret-from-option");
        using (server)
        {
            (await new AwsCli(endpoint, accessKeyId: "AKIAFROMOPTION", secretAccessKey: "secret-from-option").RunAsync("ecs", "list-clusters")).Succeeded();
            await new AwsCli(endpoint, accessKeyId: "AKIAFROMENVIRONMENT", secretAccessKey: "secret-from-environment")
                .FailsAsync("UnrecognizedClientException", "ecs", "list-clusters");
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_key_pair_without_the_option_is_refused_with_a_clear_message()
    {
        var result = await WorkshopProcess.RunAsync("serve", "--port", "0",
            "--state-dir", _stateDirectory, "--access-key-id", "AKIAFROMOPTION");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("only matter with --verify-signatures", result.StandardError);
        Assert.DoesNotContain("listening", result.StandardOutput);
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
