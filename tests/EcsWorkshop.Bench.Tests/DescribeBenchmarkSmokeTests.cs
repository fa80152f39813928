using EcsWorkshop.Bench;
using EcsWorkshop.Bench.Describe;
using EcsWorkshop.Bench.Reporting;

namespace EcsWorkshop.Bench.Tests;

public sealed class DescribeBenchmarkSmokeTests
{
    [Fact]
    public async Task A_short_run_puts_the_simulator_and_the_no_logic_endpoint_side_by_side_without_a_failed_answer()
    {
        var options = BenchSettings.Quick.Describe;

        var result = await DescribeBenchmark.RunAsync(options, TextWriter.Null);

        Assert.Equal([DescribeResult.Simulator, DescribeResult.NoLogic], result.Loads.Select(l => l.Server));
        Assert.All(result.Loads, l => Assert.True(l.Wrk.Requests > 0 && l.Wrk.NotOk == 0 && l.Wrk.P50Ms > 0 && l.Wrk.P99Ms >= l.Wrk.P50Ms, $"{l}"));
        Assert.True(result.AnswerBytes > 1000, $"a {result.AnswerBytes}-byte answer describes no services");
        Assert.True(double.IsFinite(result.Ratio(1)) && result.Ratio(1) > 0);
        var markdown = ReportWriter.ToMarkdown(DescribeBenchmark.Report(result, options));
        Assert.Contains("| Round | Simulator req/s | No-logic req/s | Ratio (sim / no-logic) |", markdown);
    }

    [Fact]
    public void The_wrk_script_posts_the_target_and_body_with_a_credential_scope_for_the_region()
    {
        var script = WrkPost.Script("AmazonEC2ContainerServiceV20141113.DescribeServices", """{"cluster":"c","services":["a"]}""", "ap-northeast-1");

        Assert.Contains("wrk.method = \"POST\"", script);
        Assert.Contains("wrk.headers[\"X-Amz-Target\"] = \"AmazonEC2ContainerServiceV20141113.DescribeServices\"", script);
        Assert.Contains("/ap-northeast-1/ecs/aws4_request", script);
        Assert.Contains("wrk.body = \"{\\\"cluster\\\":\\\"c\\\",\\\"services\\\":[\\\"a\\\"]}\"", script);
    }
}
