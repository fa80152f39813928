using System.Text.Json;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.TestSupport;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Classroom;

/// <summary><c>workshop run</c> with a card's two lines set: no simulator of its own, the lessons get the room's.</summary>
public sealed class WorkshopRunInClassroomTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecs-workshop-run-room-").FullName;

    [Fact(Timeout = 240_000)]
    public async Task The_lessons_run_on_the_rooms_simulator_with_the_learners_two_lines_and_no_simulator_is_started()
    {
        var notebooks = Path.Combine(_folder, "notebooks");
        Directory.CreateDirectory(notebooks);
        var lesson = new
        {
            cells = new object[]
            {
                new { cell_type = "markdown", metadata = new { }, source = new[] { "# 00. 教室" } },
                new { cell_type = "code", metadata = new { }, execution_count = (int?)null, outputs = Array.Empty<object>(), source = new[]
                {
                    $"Console.WriteLine(\"endpoint=\" + Environment.GetEnvironmentVariable(\"{ClassroomConnection.EndpointVariable}\"));\n",
                    $"Console.WriteLine(\"key=\" + Environment.GetEnvironmentVariable(\"{ClassroomConnection.CredentialsVariable}\")?.Split(':')[0]);",
                } },
            },
            metadata = new { kernelspec = new { name = ".net-csharp", display_name = ".NET (C#)", language = "C#" } },
            nbformat = 4,
            nbformat_minor = 5,
        };
        await File.WriteAllTextAsync(Path.Combine(notebooks, "00-room.ipynb"), JsonSerializer.Serialize(lesson));
        var port = FreePort.Pick();
        var room = $"http://127.0.0.1:{port}";
        var output = Path.Combine(_folder, "out");

        var result = await ServedClassroom.RunAsync(ServedClassroom.DotnetPath, [ServedClassroom.WorkshopDllPath, "run", "--notebooks", notebooks, "--out", output], _folder,
            new Dictionary<string, string>
            {
                [ClassroomConnection.EndpointVariable] = room,
                [ClassroomConnection.CredentialsVariable] = "AKIAROOMRUNTEST00001:room-run-secret-000000000000000000000000",
            });

        Assert.True(result.ExitCode == 0, result.Printed);
        Assert.Contains($"on the classroom's simulator {room} (access key AKIAROOMRUNTEST00001)", result.Output);
        Assert.DoesNotContain("ECS simulator listening", result.Output);
        Assert.DoesNotContain("room-run-secret", result.Output);
        var executed = await File.ReadAllTextAsync(Path.Combine(output, "notebooks", "00-room.ipynb"));
        Assert.Contains($"endpoint={room}", executed);
        Assert.Contains("key=AKIAROOMRUNTEST00001", executed);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
