using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Server;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public async Task A_speed_that_is_not_positive_is_refused_with_a_clear_message(string speed)
    {
        var stateDirectory = Directory.CreateTempSubdirectory("ecs-workshop-speed-").FullName;

        var result = await WorkshopProcess.RunAsync("serve", "--speed", speed, "--port", "0", "--state-dir", stateDirectory);

        Directory.Delete(stateDirectory, recursive: true);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--speed must be a positive number", result.StandardError);
        Assert.DoesNotContain("listening", result.StandardOutput);
    }

    [Fact]
    public async Task Help_lists_every_serve_option()
    {
        var result = await WorkshopProcess.RunAsync("serve", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--port", "--host", "--state-dir", "--speed" })
            Assert.Contains(option, result.StandardOutput);
        Assert.Contains("4566", result.StandardOutput);
    }
}
