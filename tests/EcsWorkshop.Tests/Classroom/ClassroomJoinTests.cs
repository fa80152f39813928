using System.Net;
using System.Net.Sockets;
using EcsWorkshop.Errors;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Tests.Classroom;

/// <summary>Joining a room: the learner's keys are checked by the room, the summary names the room and the account, never the secret.</summary>
public sealed class ClassroomJoinTests : IDisposable
{
    private const string KeyId = "AKIAJOINTEST00000001";
    private const string Secret = "join-test-secret-key-00000000000000000000";

    private readonly string _home = Directory.CreateTempSubdirectory("ecs-workshop-join-").FullName;

    private static Task<SimulatorServer> RoomAsync() => SimulatorServer.StartAsync(new SimulatorOptions
    {
        Port = 0,
        StateDirectory = null,
        SignatureVerification = new SignatureVerification(KeyId, Secret),
    });

    [Fact]
    public async Task Joining_prints_the_room_and_the_account_and_the_key_id_but_never_the_secret()
    {
        await using var room = await RoomAsync();
        var output = new StringWriter();

        await using var workshop = await Workshop.JoinClassroomAsync(new ClassroomConnection(room.Endpoint, KeyId, Secret), _home,
            new WorkshopOptions { ProgressOutput = output }, CancellationToken.None);

        Assert.True(workshop.InClassroom);
        Assert.Equal(WorkshopMode.Simulator, workshop.Mode);
        Assert.Equal("123456789012", workshop.AccountId);
        Assert.Contains($"教室のシミュレーター {room.Endpoint.ToString().TrimEnd('/')} に接続しました", output.ToString());
        Assert.Contains("アカウント ID は 123456789012", output.ToString());
        Assert.Contains(KeyId, output.ToString());
        Assert.DoesNotContain(Secret, output.ToString());
        Assert.DoesNotContain(Secret, workshop.ToString());
    }

    [Fact]
    public async Task A_key_the_room_does_not_know_is_awss_unrecognized_client_error_in_japanese()
    {
        await using var room = await RoomAsync();

        var error = await Assert.ThrowsAsync<WorkshopStepException>(() => Workshop.JoinClassroomAsync(
            new ClassroomConnection(room.Endpoint, "AKIANOTONTHEROSTER01", Secret), _home, new WorkshopOptions { ProgressOutput = null }, CancellationToken.None));

        Assert.Equal("UnrecognizedClientException", error.AwsError?.ErrorCode);
    }

    [Fact]
    public async Task A_room_nobody_serves_is_a_japanese_message_about_the_address_and_the_host()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var error = await Assert.ThrowsAsync<EcsWorkshop.Sessions.WorkshopStartException>(() => Workshop.JoinClassroomAsync(
            new ClassroomConnection(new Uri($"http://127.0.0.1:{port}"), KeyId, Secret), _home,
            new WorkshopOptions { ProgressOutput = null, }, CancellationToken.None));

        Assert.Contains("教室のシミュレーター", error.Message);
        Assert.Contains("workshop serve --classroom", error.Message);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
