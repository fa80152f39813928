using System.Net;
using System.Net.Sockets;
using EcsWorkshop.Lessons.Tests.Support;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.TestSupport;

namespace EcsWorkshop.Lessons.Tests.Cli;

/// <summary><c>workshop doctor</c>, as a host runs it before the day: one ✓/✗ line per need, and what to do for each ✗.</summary>
public sealed class WorkshopDoctorTests
{
    private static Task<ProcessResult> DoctorAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ProcessRunner.RunAsync(ProcessRunner.Dotnet, [Path.Combine(AppContext.BaseDirectory, "workshop.dll"), "doctor", .. arguments],
            RepositoryRoot.Path, environment, TimeSpan.FromMinutes(3));

    [Fact]
    public async Task On_a_ready_machine_every_need_gets_a_line_and_the_doctor_says_it_is_ready()
    {
        var port = FreePort.Pick();

        var result = await DoctorAsync(new Dictionary<string, string>(), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 0, result.Printed);
        Assert.Matches(@"(?m)^✓ \.NET SDK: 10\.", result.StandardOutput);
        Assert.Matches(@"(?m)^[✓✗] Docker: ", result.StandardOutput);
        Assert.Matches(@"(?m)^[✓✗] カーネル \(\.NET Interactive\): ", result.StandardOutput);
        Assert.Contains($"✓ ポート {port}: 127.0.0.1:{port} は空いています", result.StandardOutput);
        Assert.EndsWith("準備ができています。", result.StandardOutput.TrimEnd());
    }

    [Fact]
    public async Task A_port_taken_by_another_program_is_a_cross_with_the_fix_and_a_failing_exit_code_while_missing_docker_is_optional()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;
        var noEngine = new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///nonexistent/ecs-workshop-doctor/docker.sock" };

        var result = await DoctorAsync(noEngine, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"✗ ポート {port}: 127.0.0.1:{port} は、シミュレーターではないプログラムが使っています", result.StandardOutput);
        Assert.Contains("→ そのプログラムを止めるか、別のポートで `workshop serve --port 番号`", result.StandardOutput);
        Assert.Contains("✗ Docker: unix:///nonexistent/ecs-workshop-doctor/docker.sock で Docker エンジンが応答しません", result.StandardOutput);
        Assert.Contains("(なくても進められます)", result.StandardOutput);
        Assert.Contains("必須の項目が 1 件そろっていません", result.StandardOutput);
    }

    [Fact]
    public async Task A_port_a_simulator_already_answers_on_is_ready()
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, StateDirectory = null });
        var port = simulator.Endpoint.Port;

        var result = await DoctorAsync(new Dictionary<string, string>(), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains($"✓ ポート {port}: 127.0.0.1:{port} でシミュレーターが応答しています", result.StandardOutput);
    }
}
