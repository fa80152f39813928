using EcsWorkshop.Waiting;

namespace EcsWorkshop.Tests.Waiting;

/// <summary>A wait tells each change once: to the caller's IProgress when given, else as a line on the session's output.</summary>
public sealed class ChangeReporterTests
{
    [Fact]
    public void Each_change_is_printed_once_as_a_line()
    {
        var output = new StringWriter();
        var reporter = new ChangeReporter<string>(status => $"タスク t1: {status}", null, output);

        foreach (var status in new[] { "PROVISIONING", "PROVISIONING", "PENDING", "RUNNING", "RUNNING" }) reporter.Saw(status);

        Assert.Equal(["タスク t1: PROVISIONING", "タスク t1: PENDING", "タスク t1: RUNNING"], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_caller_that_asks_for_progress_gets_the_values_and_nothing_is_printed()
    {
        var output = new StringWriter();
        var seen = new List<int>();
        var reporter = new ChangeReporter<int>(n => $"{n}", new SynchronousProgress<int>(seen.Add), output);

        foreach (var n in new[] { 1, 1, 2 }) reporter.Saw(n);

        Assert.Equal([1, 2], seen);
        Assert.Equal("", output.ToString());
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
