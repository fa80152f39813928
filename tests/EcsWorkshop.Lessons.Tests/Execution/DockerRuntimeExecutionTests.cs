using System.Text.RegularExpressions;
using EcsWorkshop.Lessons.Running;
using EcsWorkshop.Lessons.Tests.Support;
using EcsWorkshop.Simulator.Runtime.Docker;
using Docker.DotNet.Models;

namespace EcsWorkshop.Lessons.Tests.Execution;

/// <summary>
/// The whole workbook on the Docker runtime, in the in-process kernel: every lesson in order with its model answers,
/// real containers behind every task (lesson 01 builds with Docker, 02 pushes, 05 opens a task's page). Afterwards
/// nothing the run labelled is left in the engine: no task container, no image it built.
/// </summary>
public sealed partial class DockerRuntimeExecutionTests
{
    /// <summary>The sample page's task id element, as the page has it or HTML-escaped inside the lesson's card.</summary>
    [GeneratedRegex("""(<|&lt;)dd id=("|&quot;)task-id("|&quot;)(>|&gt;)(?<id>[0-9a-f]{32})(<|&lt;)/dd""")]
    private static partial Regex TaskIdOnThePage();

    private static IEnumerable<string> FailureOf(Action assertion)
    {
        try
        {
            assertion();
            return [];
        }
        catch (Xunit.Sdk.XunitException e)
        {
            return [e.Message];
        }
    }

    [Fact]
    public async Task Every_lesson_runs_in_order_in_process_on_the_docker_runtime_and_leaves_nothing_labelled()
    {
        var simulator = new DockerLessonSimulator();
        await simulator.InitializeAsync();
        string stateLabel;
        try
        {
            Assert.True(simulator.TasksRunOnDocker, "the simulator did not start on the Docker runtime");
            stateLabel = Path.GetFullPath(simulator.StateDirectory);
            var host = new InProcessLessonHost();
            // Every lesson runs even after one falls short, so that one run shows every difference.
            var failures = new List<string>();
            foreach (var lesson in RepositoryRoot.Lessons.Select(l => l.WithModelAnswers()))
            {
                var run = await host.RunAsync(lesson, simulator.Environment, _ => { }, CancellationToken.None);

                failures.AddRange(FailureOf(() => ExecutedNotebook.AssertNoCellFailed(run)));
                failures.AddRange(FailureOf(() => ExecutedNotebook.AssertKeyOutputs(run, simulator)));
                if (lesson.Name == "01-container-image")
                {
                    // What the lesson built carries the run's label (else the cleanup could not find it).
                    using var engine = DockerEndpoint.Connect(DockerEndpoint.FromEnvironment());
                    if (await LabelledImages.CountAsync(engine, simulator.ImageLabel, CancellationToken.None) == 0)
                        failures.Add($"01-container-image built no image labelled {simulator.ImageLabel}");
                }
                if (lesson.Name == "06-service")
                {
                    var text = ExecutedNotebook.OutputText(run.Executed);
                    var page = TaskIdOnThePage().Match(text);
                    if (!page.Success) failures.Add($"06-service showed no task page with a task id:\n{text}");
                    else if (!text.Contains($"このタスクの ID ({page.Groups["id"].Value})", StringComparison.Ordinal))
                        failures.Add($"06-service did not say the page shows task {page.Groups["id"].Value}");
                }
            }
            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        }
        finally
        {
            await simulator.DisposeAsync();
        }

        using var client = DockerEndpoint.Connect(DockerEndpoint.FromEnvironment());
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = WorkshopLabels.OwnedBy(stateLabel) });
        Assert.Empty(containers);
        Assert.Equal(0, await LabelledImages.CountAsync(client, simulator.ImageLabel, CancellationToken.None));
    }
}
