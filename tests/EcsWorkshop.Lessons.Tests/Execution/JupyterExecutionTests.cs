using EcsWorkshop.Lessons.Running;
using EcsWorkshop.Lessons.Tests.Support;

namespace EcsWorkshop.Lessons.Tests.Execution;

/// <summary>
/// The whole workbook runs in the real .NET Interactive kernel (the repository's local tool) through
/// <c>jupyter nbconvert --execute</c> with the kernelspec in <c>jupyter/kernels/</c>, as a Jupyter user runs it:
/// every lesson, in order, against one simulator, with its model answers. The real kernel loads assemblies of its own
/// that the in-process kernel does not, so both are tested.
/// </summary>
public sealed class JupyterExecutionTests(SimulatedLessonSimulator simulator) : IClassFixture<SimulatedLessonSimulator>
{
    [Fact]
    public async Task Every_lesson_runs_in_order_in_the_real_kernel_through_nbconvert_on_the_simulated_runtime()
    {
        var host = new JupyterLessonHost(RepositoryRoot.Path);
        await host.RestoreToolsAsync(CancellationToken.None);
        foreach (var lesson in RepositoryRoot.Lessons.Select(l => l.WithModelAnswers()))
        {
            var run = await host.RunAsync(lesson, simulator.Environment, _ => { }, CancellationToken.None);

            ExecutedNotebook.AssertNoCellFailed(run);
            ExecutedNotebook.AssertKeyOutputs(run, simulator);
        }
    }

    [Fact]
    public async Task The_kernelspec_the_repository_ships_starts_the_local_dotnet_interactive_tool_for_csharp()
    {
        var spec = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryRoot.File("jupyter/kernels/.net-csharp/kernel.json"))).RootElement;
        var tools = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryRoot.File("dotnet-tools.json"))).RootElement;

        Assert.Equal(["dotnet", "interactive", "jupyter", "--default-kernel", "csharp", "--http-local-only", "{connection_file}"],
            spec.GetProperty("argv").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("1.0.712001", tools.GetProperty("tools").GetProperty("microsoft.dotnet-interactive").GetProperty("version").GetString());
    }
}
