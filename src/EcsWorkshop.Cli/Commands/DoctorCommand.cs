using System.CommandLine;
using EcsWorkshop.Cli.Doctor;
using EcsWorkshop.Lessons;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Runtime.Docker;

namespace EcsWorkshop.Cli.Commands;

/// <summary>
/// <c>workshop doctor</c>: checks a machine before the study group, one ✓/✗ line per need (.NET, Docker, the kernel,
/// the simulator's port), with what to do for each ✗; exits 1 when something required is missing.
/// </summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The simulator's port to check on 127.0.0.1.", DefaultValueFactory = _ => SimulatorOptions.DefaultPort };
        var command = new Command("doctor", "Check this machine for the workshop: .NET SDK, Docker, the .NET Interactive kernel, the simulator's port.") { port };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(port), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int port, CancellationToken cancellationToken)
    {
        var root = RepositoryFolders.FindRoot(Environment.CurrentDirectory) ?? Environment.CurrentDirectory;
        Console.WriteLine($"ワークショップの準備を確認します ({root})");
        var checks = await MachineChecks.RunAsync(root, DockerEndpoint.FromEnvironment(), port, cancellationToken);
        foreach (var check in checks) Console.WriteLine(check.ToText());
        var missing = checks.Count(c => c.Required && !c.Ready);
        Console.WriteLine(missing == 0
            ? "準備ができています。"
            : $"必須の項目が {missing} 件そろっていません。→ の手順で直してから、もう一度 `workshop doctor` を実行してください。");
        return missing == 0 ? 0 : 1;
    }
}
