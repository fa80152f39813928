using EcsWorkshop.Bench.Api;
using EcsWorkshop.Bench.Lessons;
using EcsWorkshop.Bench.Registry;
using EcsWorkshop.Bench.Scheduler;

namespace EcsWorkshop.Bench;

/// <summary>The size of every benchmark: the full size the figures in docs/performance.md come from, or a quick one for smoke tests.</summary>
public sealed record BenchSettings(ApiOptions Api, SchedulerOptions Scheduler, RegistryOptions Registry, LessonsOptions Lessons)
{
    /// <summary>The Docker runtime benchmark: full = 3 rounds of a 5-task service at speed 20 (the lessons' speed); quick = 1 round of 1 task.</summary>
    public EcsWorkshop.Bench.Runtime.RuntimeOptions Runtime { get; init; } = new(Tasks: 5, Rounds: 3, Speed: 20);

    /// <summary>Target tracking at scale: full = 200 scalable services through a 45-minute load curve; quick = 10 services, 22 minutes.</summary>
    public EcsWorkshop.Bench.Scaling.ScalingOptions Scaling { get; init; } = EcsWorkshop.Bench.Scaling.ScalingOptions.Full;

    /// <summary>The ALB listener benchmark: full = 2 tasks, 16 connections, 15 s per load; quick = 1 task, 2 connections, 1 s.</summary>
    public EcsWorkshop.Bench.Listener.ListenerOptions Listener { get; init; } = new(Duration: TimeSpan.FromSeconds(15), Connections: 16, Tasks: 2);

    /// <summary>DescribeServices against a no-logic endpoint under wrk: full = 10 services of 3 tasks, 16 connections, 2 rounds of 10 s; quick = 2 services, 1 s.</summary>
    public EcsWorkshop.Bench.Describe.DescribeOptions Describe { get; init; } = EcsWorkshop.Bench.Describe.DescribeOptions.Full;

    /// <summary>The classroom replay: full = 50 learners on one `serve --classroom` at speed 100; quick = 2 learners, the first 60 calls.</summary>
    public EcsWorkshop.Bench.Classroom.ClassroomOptions Classroom { get; init; } = EcsWorkshop.Bench.Classroom.ClassroomOptions.Full;

    /// <summary>The idle classroom on the Docker runtime: learners, those running a service, how long it is watched.</summary>
    public EcsWorkshop.Bench.RoomEngine.RoomEngineOptions RoomEngine { get; init; } = EcsWorkshop.Bench.RoomEngine.RoomEngineOptions.Full;

    /// <summary>The full size: 1 and 8 clients for 15 s each, 1,000 services × 10 tasks, a 200 MB image three times, every lesson in both kernels (warm).</summary>
    public static BenchSettings Full { get; } = new(
        new ApiOptions([1, 8], Warmup: TimeSpan.FromSeconds(3), Duration: TimeSpan.FromSeconds(15)),
        new SchedulerOptions(Services: 1000, TasksPerService: 10, QueryRepetitions: 200),
        new RegistryOptions(Layers: 4, LayerBytes: 50_000_000, Repetitions: 3),
        new LessonsOptions(["in-process", "jupyter"], Only: null, RepeatWhenCold: true));

    /// <summary>A few seconds in all: 2 clients for 1 s (one round of the mix at least), 10 services, a 1 MB image once, lesson 00 in-process (cold or warm, whichever it finds). Proves the code works; the figures mean little.</summary>
    public static BenchSettings Quick { get; } = new(
        new ApiOptions([2], Warmup: TimeSpan.FromMilliseconds(300), Duration: TimeSpan.FromSeconds(1), MinimumRounds: 1),
        new SchedulerOptions(Services: 10, TasksPerService: 10, QueryRepetitions: 10),
        new RegistryOptions(Layers: 1, LayerBytes: 1_000_000, Repetitions: 1),
        new LessonsOptions(["in-process"], Only: "00", RepeatWhenCold: false))
    {
        Runtime = new(Tasks: 1, Rounds: 1, Speed: 20),
        Scaling = EcsWorkshop.Bench.Scaling.ScalingOptions.Quick,
        Listener = new(Duration: TimeSpan.FromSeconds(1), Connections: 2, Tasks: 1),
        Describe = EcsWorkshop.Bench.Describe.DescribeOptions.Quick,
        Classroom = EcsWorkshop.Bench.Classroom.ClassroomOptions.Quick,
        RoomEngine = EcsWorkshop.Bench.RoomEngine.RoomEngineOptions.Quick,
    };
}
