using EcsWorkshop.Simulator.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace EcsWorkshop.Classroom.Tests.Support;

/// <summary>A small roster and the requests the tests make of the learners' simulators.</summary>
public static class Room
{
    /// <summary>The time the fake clocks start at.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    public static Learner Sato { get; } = new("sato", "111122223333", "AKIASATO0000000000AA", "sato-secret-access-key-0000000000000000");

    public static Learner Suzuki { get; } = new("suzuki", "444455556666", "AKIASUZUKI00000000AA", "suzuki-secret-access-key-00000000000000");

    public static Roster TwoLearners { get; } = new([Sato, Suzuki]);

    public static FakeTimeProvider Clock() => new(Start);

    /// <summary>A Fargate task definition with a size Fargate does not offer (256 CPU units with 4096 MiB).</summary>
    public static object FargateSizeMistake(string family = "web") => new
    {
        family,
        requiresCompatibilities = new[] { "FARGATE" },
        networkMode = "awsvpc",
        cpu = "256",
        memory = "4096",
        containerDefinitions = new[] { new { name = "web", image = "public.ecr.aws/nginx/nginx:latest", essential = true } },
    };

    /// <summary>A Fargate task definition Fargate accepts (256 CPU units with 512 MiB).</summary>
    public static object FargateTaskDefinition(string family = "web") => new
    {
        family,
        requiresCompatibilities = new[] { "FARGATE" },
        networkMode = "awsvpc",
        cpu = "256",
        memory = "512",
        containerDefinitions = new[] { new { name = "web", image = "public.ecr.aws/nginx/nginx:latest", essential = true } },
    };
}
