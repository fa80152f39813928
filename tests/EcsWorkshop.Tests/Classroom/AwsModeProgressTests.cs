using EcsWorkshop.Aws;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Tests.AwsMode;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Classroom;

/// <summary>AWS mode never reports progress (neither a built-in self-check nor an exercise's own): nothing about the learner goes to AWS (here moto, behind a witness that would see it).</summary>
public sealed class AwsModeProgressTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    [Fact]
    public async Task Aws_mode_sends_its_calls_but_no_progress_report()
    {
        await using var witness = await ProgressWitness.StartAsync(SignatureVerification.Workshop, moto.Moto.Endpoint);
        await using var workshop = await Workshop.ConnectToAwsAsync(AwsClients.ForLocalEndpoint(witness.Endpoint, "eu-west-1"), null,
            new WorkshopOptions { ProgressOutput = null });

        workshop.OpenLesson("03-cluster");
        var check = await workshop.Checks.ClusterExistsAsync("fargate-cluster");
        var exercise = workshop.Check("演習 1: クラスター", new Checks.CheckItem(true, "クラスターを作った"));
        await workshop.ProgressSentAsync();

        Assert.False(check.Passed);
        Assert.True(exercise.Passed);
        Assert.Null(workshop.ProgressTarget);
        Assert.Contains(witness.Forwarded, f => f.EndsWith("DescribeClusters", StringComparison.Ordinal));
        Assert.Empty(witness.Reports);
    }
}
