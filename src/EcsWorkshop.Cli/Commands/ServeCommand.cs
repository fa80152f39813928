using System.CommandLine;
using System.Globalization;
using EcsWorkshop.Classroom;
using EcsWorkshop.Classroom.Dashboard;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Hosting;
using EcsWorkshop.Simulator.Runtime;
using EcsWorkshop.Simulator.Storage;

namespace EcsWorkshop.Cli.Commands;

/// <summary><c>workshop serve</c>: runs the simulator until Ctrl+C.</summary>
public static class ServeCommand
{
    /// <summary>The environment variable naming the access key id to accept with <c>--verify-signatures</c>.</summary>
    public const string AccessKeyIdVariable = "WORKSHOP_ACCESS_KEY_ID";

    /// <summary>The environment variable holding the secret access key to accept with <c>--verify-signatures</c>.</summary>
    public const string SecretAccessKeyVariable = "WORKSHOP_SECRET_ACCESS_KEY";

    private static string? FromEnvironment(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;

    /// <summary>The <c>--runtime</c> option, shared with <c>workshop run</c>.</summary>
    public static Option<string> RuntimeOption(string defaultValue = RuntimeNames.Auto)
    {
        var option = new Option<string>("--runtime")
        {
            Description = "What runs the tasks' containers: auto (Docker when an engine answers at DOCKER_HOST or the default socket, else simulated), docker, or simulated.",
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong(RuntimeNames.Choices);
        return option;
    }

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The port to listen on.", DefaultValueFactory = _ => SimulatorOptions.DefaultPort };
        var host = new Option<string>("--host") { Description = "The address to listen on (loopback unless you name another).", DefaultValueFactory = _ => "127.0.0.1" };
        var stateDir = new Option<string>("--state-dir") { Description = "Where the simulator keeps its state.", DefaultValueFactory = _ => SimulatorOptions.DefaultStateDirectory };
        var speed = new Option<double>("--speed") { Description = "How many times faster than real life tasks start and stop.", DefaultValueFactory = _ => 1.0 };
        var verifySignatures = new Option<bool>("--verify-signatures")
        {
            Description = "Check every request's AWS Signature Version 4, as AWS does: only --access-key-id with --secret-access-key is accepted.",
        };
        var accessKeyId = new Option<string?>("--access-key-id")
        {
            Description = $"The access key id to accept with --verify-signatures (default: ${AccessKeyIdVariable}, else {SignatureVerification.WorkshopAccessKeyId}).",
        };
        var secretAccessKey = new Option<string?>("--secret-access-key")
        {
            Description = $"The secret access key to accept with --verify-signatures (default: ${SecretAccessKeyVariable}, else the workshop's documented one).",
        };
        var spotInterruptionRate = new Option<double>("--spot-interruption-rate")
        {
            Description = "Interrupt Fargate Spot tasks at random, on average this many times per task per hour of task time (0: only when asked at /_workshop/spot-interruption).",
            DefaultValueFactory = _ => 0,
        };
        var seed = new Option<int?>("--seed") { Description = "A seed for ids and Spot interruptions, so that a run repeats itself." };
        var runtime = RuntimeOption();
        var keepContainers = new Option<bool>("--keep-containers")
        {
            Description = "With the Docker runtime: leave the task containers running at exit (a restart on the same --state-dir adopts them).",
        };
        var classroom = new Option<string?>("--classroom")
        {
            Description = "Serve a study group from the roster file (roster.csv from `workshop classroom init`): each learner in their own account, signatures verified against their key pairs.",
        };
        var hostToken = new Option<string?>("--host-token")
        {
            Description = "With --classroom: the token that opens the host's pages (default: a fresh random one, printed at start).",
        };
        var command = new Command("serve", "Run the ECS simulator on http://127.0.0.1:4566 (AWS JSON 1.1 wire protocol).")
        {
            port, host, stateDir, speed, verifySignatures, accessKeyId, secretAccessKey, runtime, keepContainers, spotInterruptionRate, seed,
            classroom, hostToken,
        };
        var quotaOptions = new ServeQuotaOptions();
        quotaOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            SimulationSettings simulation;
            try
            {
                simulation = SimulationSettings.AtSpeed(parse.GetValue(speed));
            }
            catch (ArgumentOutOfRangeException)
            {
                await Console.Error.WriteLineAsync(
                    $"--speed must be a positive number (1 is real life, 10 is ten times faster), not {parse.GetValue(speed).ToString(CultureInfo.InvariantCulture)}.");
                return 2;
            }
            var rate = parse.GetValue(spotInterruptionRate);
            if (!(rate >= 0) || !double.IsFinite(rate))
            {
                await Console.Error.WriteLineAsync(
                    $"--spot-interruption-rate must be 0 or more (interruptions per Spot task per hour), not {rate.ToString(CultureInfo.InvariantCulture)}.");
                return 2;
            }
            simulation = simulation with { SpotInterruptionsPerTaskHour = rate };
            if (!parse.GetValue(verifySignatures) && (parse.GetValue(accessKeyId) is not null || parse.GetValue(secretAccessKey) is not null))
            {
                await Console.Error.WriteLineAsync("--access-key-id and --secret-access-key only matter with --verify-signatures; add it, or leave them out.");
                return 2;
            }
            ClassroomOptions? room = null;
            if (parse.GetValue(classroom) is { } rosterPath)
            {
                if (parse.GetValue(verifySignatures))
                {
                    await Console.Error.WriteLineAsync("--classroom はいつも参加者ごとのキーペアで署名を検証します。--verify-signatures は外してください。");
                    return 2;
                }
                try
                {
                    room = new ClassroomOptions(Roster.Read(Path.GetFullPath(rosterPath)), parse.GetValue(hostToken) ?? ClassroomServing.NewHostToken());
                    var titles = ClassroomServing.LessonTitlesNear(Environment.CurrentDirectory, AppContext.BaseDirectory);
                    room = new ClassroomDashboard(room.Roster, room.HostToken, titles: titles).AddTo(room);
                }
                catch (RosterException e)
                {
                    await Console.Error.WriteLineAsync(e.Message);
                    return 2;
                }
            }
            else if (parse.GetValue(hostToken) is not null)
            {
                await Console.Error.WriteLineAsync("--host-token only matters with --classroom; add it, or leave it out.");
                return 2;
            }
            var options = new SimulatorOptions
            {
                Classroom = room,
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                StateDirectory = Path.GetFullPath(parse.GetValue(stateDir)!),
                Simulation = simulation,
                Runtime = RuntimeNames.Parse(parse.GetValue(runtime)!),
                KeepContainers = parse.GetValue(keepContainers),
                Seed = parse.GetValue(seed),
                SignatureVerification = parse.GetValue(verifySignatures)
                    ? new SignatureVerification(
                        parse.GetValue(accessKeyId) ?? FromEnvironment(AccessKeyIdVariable) ?? SignatureVerification.WorkshopAccessKeyId,
                        parse.GetValue(secretAccessKey) ?? FromEnvironment(SecretAccessKeyVariable) ?? SignatureVerification.WorkshopSecretAccessKey)
                    : null,
            };
            (options, var quotaError) = quotaOptions.Apply(parse, options);
            if (quotaError is not null)
            {
                await Console.Error.WriteLineAsync(quotaError);
                return 2;
            }
            try
            {
                await using var server = await SimulatorServer.StartAsync(options, cancellationToken);
                Console.WriteLine($"ECS simulator listening on {server.Endpoint.ToString().TrimEnd('/')} (state: {options.StateDirectory}, speed x{simulation.Speed.ToString(CultureInfo.InvariantCulture)})");
                Console.WriteLine(server.Runtime.Kind == ContainerRuntimeKind.Docker
                    ? $"Runtime: docker (engine {server.Runtime.Engine}): tasks run as real containers; their ports are listed at {server.Endpoint.ToString().TrimEnd('/')}{RuntimeHosting.EndpointsPath}"
                    : "Runtime: simulated (no containers run; tasks move through their lifecycle on the clock)");
                if (ClassroomServing.ExposureWarning(options.Host) is { } warning) Console.WriteLine(warning);
                if (room is not null)
                {
                    Console.WriteLine($"{ClassroomServing.HostTokenPrefix}{room.HostToken}");
                    Console.WriteLine($"主催者用ダッシュボード: {ClassroomServing.HereUrl(server.Endpoint)}{DashboardEndpoints.PagePath}?token={room.HostToken}");
                    Console.WriteLine($"教室モード: 参加者 {room.Roster.Learners.Count} 人をそれぞれ自分の AWS アカウントで受け付けます (エンドポイント {ClassroomServing.LearnersUrl(server.Endpoint, System.Net.Dns.GetHostName())})。署名は名簿のキーペアで検証します。");
                }
                else Console.WriteLine(options.SignatureVerification is { } verification
                    ? $"Signatures are verified: only access key id {verification.AccessKeyId} with its secret access key is accepted."
                    : "Signatures are not verified: any access key works.");
                if (ServeQuotaOptions.Describe(options) is { } quotaLine) Console.WriteLine(quotaLine);
                Console.WriteLine($"Try: /usr/bin/aws --endpoint-url {server.Endpoint.ToString().TrimEnd('/')} ecs list-clusters");
                Console.Out.Flush();
                await server.WaitForShutdownAsync(cancellationToken);
                return 0;
            }
            catch (ContainerRuntimeUnavailableException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 5;
            }
            catch (StateDirectoryInUseException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 3;
            }
            catch (StateFolderException e)
            {
                // One line naming the folder and the schema versions (written by a newer workshop, not migratable,
                // or unreadable): never a stack trace, never a half-read world.
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync($"Cannot listen on {options.Host}:{options.Port}: {e.Message}");
                return 4;
            }
        });
        return command;
    }
}
