using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Clock;
using EcsWorkshop.Simulator.Runtime;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>How to run the simulator.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The port AWS's local tools conventionally use.</summary>
    public const int DefaultPort = 4566;

    /// <summary>The address to listen on; loopback unless the user asks for another.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port (0 picks a free one).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Where the durable state lives; null keeps it in memory only.</summary>
    public string? StateDirectory { get; init; } = DefaultStateDirectory;

    /// <summary>The simulation speed and lifecycle durations.</summary>
    public SimulationSettings Simulation { get; init; } = SimulationSettings.Realistic;

    /// <summary>The clock (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How often the scheduler moves the world on (wall time).</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The access key pair whose SigV4 signatures are accepted; every other request is refused as AWS would. Null
    /// (the default) accepts any signature, or none.
    /// </summary>
    public SignatureVerification? SignatureVerification { get; init; }

    /// <summary>
    /// What runs the tasks' containers: <see cref="RuntimeChoice.Simulated"/> (the default here, for tests and
    /// embedding), Docker, or Docker when an engine answers (<c>workshop serve</c>'s default).
    /// </summary>
    public RuntimeChoice Runtime { get; init; } = RuntimeChoice.Simulated;

    /// <summary>With the Docker runtime: leave the task containers running when the server stops.</summary>
    public bool KeepContainers { get; init; }

    /// <summary>
    /// Serve a classroom: one simulated account per learner of the roster, signatures mandatory (overrides
    /// <see cref="SignatureVerification"/>); null (the default) serves one learner in <c>SimulatedAccount.Id</c>.
    /// </summary>
    public Accounts.ClassroomOptions? Classroom { get; init; }

    /// <summary>A seed for ids (repeatable runs), or null for random ids.</summary>
    public int? Seed { get; init; }

    /// <summary><c>~/.ecs-workshop/state</c>.</summary>
    public static string DefaultStateDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ecs-workshop", "state");
}
