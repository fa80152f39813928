using EcsWorkshop.Bench;
using EcsWorkshop.Bench.Classroom;
using EcsWorkshop.Bench.Reporting;

namespace EcsWorkshop.Bench.Tests;

public sealed class ClassroomBenchmarkSmokeTests
{
    [Fact]
    public async Task Two_learners_replay_the_start_of_the_workbook_on_one_classroom_server_without_a_failure()
    {
        var options = BenchSettings.Quick.Classroom;

        var result = await ClassroomBenchmark.RunAsync(options, TextWriter.Null);

        AssertRanClean(result, options);
        Assert.Equal(2, result.Learners);
    }

    [Fact]
    public async Task One_learner_replays_the_start_of_the_workbook_on_the_single_learner_server_without_a_failure()
    {
        var options = BenchSettings.Quick.Classroom with { Classroom = false, Learners = 1 };

        var result = await ClassroomBenchmark.RunAsync(options, TextWriter.Null);

        AssertRanClean(result, options);
    }

    [Fact]
    public void The_recording_starts_with_the_setup_lesson_and_pushes_the_sample_image_through_the_registry()
    {
        var calls = RecordedCall.ReadAll(Path.Combine(Root(), ClassroomBenchmark.Recording));

        Assert.True(calls.Count > 500, $"{calls.Count} calls is not the whole workbook");
        Assert.Equal(Enumerable.Range(1, calls.Count), calls.Select(c => c.Sequence));
        Assert.Contains(calls, c => c.Operation == "registry:PUT manifest" && c.Status == 201);
        Assert.Contains(calls, c => c.Operation == "ecs:CreateService");
        Assert.Contains(calls, c => c.Operation == "elasticloadbalancing:CreateListener");
        Assert.All(calls.Where(c => c.BodySha256 is not null), c => Assert.StartsWith("sha256:", c.BodySha256));
        Assert.DoesNotContain(calls, c => (c.Body ?? "").Contains("123456789012", StringComparison.Ordinal));
    }

    private static void AssertRanClean(ClassroomResult result, ClassroomOptions options)
    {
        Assert.True(result.Failures == 0, string.Join("\n", result.FailureSamples));
        Assert.Equal(options.Calls, result.RecordedCalls);
        var writes = RecordedCall.ReadAll(Path.Combine(Root(), ClassroomBenchmark.Recording)).Take(result.RecordedCalls).Count(c => !c.IsRead);
        Assert.True(result.Requests >= writes * result.Learners, $"{result.Requests} requests, fewer than the {writes} changes each learner makes");
        Assert.True(result.ServerCpuSeconds > 0 && result.PeakResidentBytes > result.ResidentBytesBefore / 2);
        Assert.Contains(result.ByOperation.Keys, o => o.StartsWith("registry:", StringComparison.Ordinal));
        Assert.All(result.ByOperation.Values, s => Assert.True(s.P50Ms > 0 && s.P99Ms >= s.P50Ms));
        var markdown = ReportWriter.ToMarkdown(ClassroomBenchmark.Report(result, options));
        Assert.Contains("### Latency by operation", markdown);
    }

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Workshop.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException("Workshop.sln");
    }
}
