using EcsWorkshop.Simulator.Errors;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsWorkshop.Facts.Simulator;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.TaskDefinitions;

/// <summary>RegisterTaskDefinition requests as editable JSON, and short ways to send them.</summary>
internal static class TaskDefinitionSamples
{
    /// <summary>The hands-on's Fargate task definition: one nginx-like container on port 80, 0.25 vCPU / 512 MiB.</summary>
    public static JsonObject Fargate(string family = "sample-fargate", string cpu = "256", string memory = "512") => new()
    {
        ["family"] = family,
        ["networkMode"] = "awsvpc",
        ["requiresCompatibilities"] = new JsonArray("FARGATE"),
        ["cpu"] = cpu,
        ["memory"] = memory,
        ["containerDefinitions"] = new JsonArray(new JsonObject
        {
            ["name"] = "web",
            ["image"] = "public.ecr.aws/nginx/nginx:latest",
            ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 80 }),
        }),
    };

    /// <summary>A bridge-mode EC2 task definition whose container sets its own memory.</summary>
    public static JsonObject Ec2(string family = "sample-ec2") => new()
    {
        ["family"] = family,
        ["containerDefinitions"] = new JsonArray(new JsonObject
        {
            ["name"] = "web",
            ["image"] = "nginx:latest",
            ["memory"] = 256,
            ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 80 }),
        }),
    };

    /// <summary>The first container of a request.</summary>
    public static JsonObject Web(this JsonObject request) => request["containerDefinitions"]![0]!.AsObject();

    /// <summary>Registers and returns the <c>taskDefinition</c> of the response.</summary>
    public static JsonElement Register(this SimulatedWorld world, JsonObject request) =>
        world.Ecs("RegisterTaskDefinition", request).GetProperty("taskDefinition");

    /// <summary>Registers a request that must be refused, and returns the error.</summary>
    public static DomainError RegisterFails(this SimulatedWorld world, JsonObject request) =>
        world.EcsFails("RegisterTaskDefinition", request);

    /// <summary>Describes a task definition and returns it.</summary>
    public static JsonElement Describe(this SimulatedWorld world, string reference) =>
        world.Ecs("DescribeTaskDefinition", new { taskDefinition = reference }).GetProperty("taskDefinition");

    /// <summary>The strings of a JSON array.</summary>
    public static List<string?> Strings(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];

    /// <summary>The ARN of a revision in the test region.</summary>
    public static string Arn(string family, int revision) =>
        $"arn:aws:ecs:{SimulatedWorld.Region}:{SimulatedAccount.Id}:task-definition/{family}:{revision}";
}
