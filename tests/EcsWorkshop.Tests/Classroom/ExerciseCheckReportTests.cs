using System.Net.Http.Headers;
using System.Text.Json;
using EcsWorkshop.Checks;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.TestSupport;
using EcsWorkshop.Tests.Support;

namespace EcsWorkshop.Tests.Classroom;

/// <summary>
/// An exercise's own self-check (<c>workshop.Check("演習 1: …", …)</c>, as every lesson's exercises call it) reaches the
/// room the session joined — a real <c>workshop serve --classroom</c> process — under the session's lesson, and the
/// host's dashboard counts it among the self-checks passed and as an exercise.
/// </summary>
public sealed class ExerciseCheckReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ecs-workshop-exercise-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact(Timeout = 120_000)]
    public async Task An_exercise_check_reaches_the_served_room_and_the_dashboard_counts_it_as_an_exercise()
    {
        var roster = Roster.Generate(2);
        var rosterPath = Path.Combine(_folder, "roster.csv");
        roster.Write(rosterPath);
        using var room = await ServedClassroom.StartAsync(rosterPath, Path.Combine(_folder, "state"), FreePort.Pick());
        var token = await HostTokenAsync(room);
        var learner = roster.Learners[1];

        CheckResult failed, passed;
        await using (var workshop = await Workshop.JoinClassroomAsync(ClassroomConnection.For(learner, room.Endpoint), Path.Combine(_folder, "home"),
                         new WorkshopOptions { ProgressOutput = null }, CancellationToken.None))
        {
            workshop.OpenLesson("06-service");
            failed = workshop.Check("演習 1: デプロイの計算", new CheckItem(true, "予想 1: 2"), new CheckItem(false, "予想 2: 未回答", "予想を書いてください。"));
            passed = workshop.Check("演習 1: デプロイの計算", new CheckItem(true, "予想 1: 2"), new CheckItem(true, "予想 2: 4"));
            await workshop.ProgressSentAsync();
        }

        var row = (await StateAsync(room, token)).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("accountId").GetString() == learner.AccountId);
        Assert.False(failed.Passed);
        Assert.True(passed.Passed);
        Assert.Equal("06-service", row.GetProperty("lesson").GetString());
        Assert.Equal("06. サービスを作る", row.GetProperty("lessonTitle").GetString());
        Assert.Equal(1, row.GetProperty("checksPassed").GetInt32());
        Assert.Equal(1, row.GetProperty("exercisesPassed").GetInt32());
        var last = row.GetProperty("lastCheck");
        Assert.Equal(("06-service", "演習 1: デプロイの計算", true, true),
            (last.GetProperty("lesson").GetString(), last.GetProperty("check").GetString(), last.GetProperty("passed").GetBoolean(), last.GetProperty("exercise").GetBoolean()));
        var other = (await StateAsync(room, token)).GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("accountId").GetString() == roster.Learners[0].AccountId);
        Assert.Equal(0, other.GetProperty("checksPassed").GetInt32());
    }

    private static async Task<string> HostTokenAsync(ServedClassroom room)
    {
        const string prefix = "host token: ";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var line = room.Printed.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            if (line is not null) return line[prefix.Length..];
            await Task.Delay(50);
        }
        Assert.Fail($"workshop serve printed no host token: {room.Printed}");
        return "";
    }

    private static async Task<JsonElement> StateAsync(ServedClassroom room, string token)
    {
        using var http = new HttpClient { BaseAddress = room.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_workshop/classroom/state");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
