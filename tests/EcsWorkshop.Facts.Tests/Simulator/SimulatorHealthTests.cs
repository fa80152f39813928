using EcsWorkshop.Facts.Simulator;

namespace EcsWorkshop.Facts.Tests.Simulator;

public sealed class SimulatorHealthTests
{
    [Fact]
    public void The_answer_reads_back_as_it_was_written()
    {
        var written = new SimulatorHealth { Services = ["ecs", "ecr", "logs"], StateDirectory = "/tmp/state", Speed = 20, VerifiesSignatures = true };

        var read = SimulatorHealth.Read(written.ToJson())!;

        Assert.True(read.IsOk);
        Assert.Equal(["ecs", "ecr", "logs"], read.Services);
        Assert.Equal(("/tmp/state", 20.0, true), (read.StateDirectory, read.Speed, read.VerifiesSignatures));
    }

    [Fact]
    public void The_wire_names_are_the_ones_the_lessons_show()
    {
        var json = new SimulatorHealth { Services = ["ecs"], StateDirectory = null, Speed = 1 }.ToJson();

        Assert.Equal("""{"status":"ok","services":["ecs"],"stateDirectory":null,"speed":1,"verifiesSignatures":false,"classroom":false}""", json);
    }

    [Fact]
    public void An_answer_without_the_newer_members_still_reads()
    {
        var read = SimulatorHealth.Read("""{"status":"ok","stateDirectory":"/s"}""")!;

        Assert.True(read.IsOk);
        Assert.Equal("/s", read.StateDirectory);
        Assert.Empty(read.Services);
    }

    [Theory]
    [InlineData("<html>not found</html>")]
    [InlineData("[]")]
    [InlineData("""{"healthy":true}""")]
    [InlineData("""{"status":"ok","speed":"fast"}""")]
    public void What_is_not_the_simulator_s_answer_reads_as_nothing(string body) =>
        Assert.Null(SimulatorHealth.Read(body));

    [Fact]
    public void Another_status_is_not_ok() =>
        Assert.False(SimulatorHealth.Read("""{"status":"starting"}""")!.IsOk);

    [Fact]
    public void The_answer_is_at_the_workshop_path_of_the_endpoint() =>
        Assert.Equal("http://127.0.0.1:4566/_workshop/health", SimulatorHealth.At(new Uri("http://127.0.0.1:4566")).ToString());
}
