using System.Globalization;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;

namespace EcsWorkshop.Simulator.Ecs.Domain.Tasks;

/// <summary>
/// The simulated runtime's reading of a container's command, so that a lesson's crash demo works on both runtimes:
/// a shell script (<c>["sh","-c","echo starting; sleep 20; exit 1"]</c>, or the same split between entryPoint and
/// command) made only of <c>echo</c>, <c>sleep</c>, <c>exit</c>, <c>true</c> and <c>:</c> runs as written: its echo
/// lines go to the container's log, and it exits with its code (0 when the script ends) after its sleeps. Any other
/// command is a program the simulator cannot run, and runs until stopped, as a server does.
/// </summary>
public static class SimulatedCommand
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "/bin/sh", "bash", "/bin/bash", "/usr/bin/sh", "/usr/bin/bash" };

    /// <summary>The exit the first container with such a script makes, or null when none has one.</summary>
    public static SimulatedExit? ExitOf(TaskDefinition definition, TaskOverrides overrides)
    {
        foreach (var container in definition.ContainerDefinitions)
        {
            var command = overrides.ContainerOverrides.FirstOrDefault(o => o.Name == container.Name)?.Command ?? container.Command;
            var argv = (container.EntryPoint.IsDefault ? [] : container.EntryPoint).Concat(command is { IsDefault: false } c ? c : []).ToList();
            if (Run(argv) is { } exit) return exit with { ContainerName = container.Name };
        }
        return null;
    }

    /// <summary>What running <paramref name="argv"/> does, or null when it is not a script the interpreter knows.</summary>
    public static SimulatedExit? Run(IReadOnlyList<string> argv)
    {
        if (argv.Count != 3 || !Shells.Contains(argv[0]) || argv[1] != "-c") return null;
        var elapsed = TimeSpan.Zero;
        var output = new List<SimulatedLine>();
        foreach (var raw in argv[2].Split([";", "&&", "\n"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = raw.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var argument = words.Length > 1 ? words[1] : "";
            switch (words[0])
            {
                case "echo":
                    output.Add(new SimulatedLine(elapsed, Unquote(argument)));
                    break;
                case "sleep" when double.TryParse(argument, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= 86400:
                    elapsed += TimeSpan.FromSeconds(seconds);
                    break;
                case "exit" when argument.Length == 0:
                    return new SimulatedExit("", 0, elapsed) { Output = output };
                case "exit" when int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var code):
                    return new SimulatedExit("", code & 0xFF, elapsed) { Output = output };
                case "true" or ":":
                    break;
                default:
                    return null;
            }
        }
        return new SimulatedExit("", 0, elapsed) { Output = output };
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && (text[0] == '"' && text[^1] == '"' || text[0] == '\'' && text[^1] == '\'') ? text[1..^1] : text;
}
