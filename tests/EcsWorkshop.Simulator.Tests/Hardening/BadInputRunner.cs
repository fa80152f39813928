using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>Every operation the simulator serves, as (target prefix, operation name), read off a running server.</summary>
public static class ServedOperations
{
    private static readonly Lazy<TheoryData<string, string>> Operations = new(() =>
    {
        var server = SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, StateDirectory = null }).GetAwaiter().GetResult();
        try
        {
            var data = new TheoryData<string, string>();
            foreach (var service in server.Services.OrderBy(s => s.TargetPrefix, StringComparer.Ordinal))
                foreach (var operation in service.OperationNames.Order(StringComparer.Ordinal))
                    data.Add(service.TargetPrefix, operation);
            return data;
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    });

    public static TheoryData<string, string> All => Operations.Value;
}

/// <summary>Throws bad requests at one operation of a <see cref="FrozenSimulator"/> and says what went wrong.</summary>
public static class BadInputRunner
{
    /// <summary>The seed of the generated fuzz: <c>WORKSHOP_FUZZ_SEED</c> when set, otherwise a fixed one.</summary>
    public static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("WORKSHOP_FUZZ_SEED"), out var seed) ? seed : 20261129;

    /// <summary>The operation's request shape and a good request to spoil.</summary>
    public static BadInputs For(FrozenSimulator simulator, string prefix, string operation)
    {
        var shape = simulator.Server.Services.Single(s => s.TargetPrefix == prefix).RequestShapeOf(operation)
            ?? throw new InvalidOperationException($"{prefix}.{operation} has no request shape.");
        var good = GoodRequests.For(operation, simulator)
            ?? (JsonObject)WireShapes.Plausible(shape, "", GoodRequests.NamesFor(simulator))!;
        return new BadInputs(prefix, operation, shape, good);
    }

    /// <summary>Sends each request; returns a line for every answer that was not as AWS would give it.</summary>
    public static async Task<List<string>> RunAsync(FrozenSimulator simulator, string operation, IEnumerable<BadRequest> requests)
    {
        var failures = new List<string>();
        var readOnly = IsRead(operation);
        foreach (var request in requests)
        {
            var before = simulator.Snapshot();
            using var response = await simulator.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var change = simulator.Snapshot().ChangedSince(before);
            var problem = AwsAnswer.Problem(response, body)
                ?? (response.StatusCode != HttpStatusCode.OK && change is not null ? $"refused, yet {change}" : null)
                ?? (readOnly && change is not null ? $"a read, yet {change}" : null);
            if (problem is not null)
                failures.Add($"{request.Description}: {problem}\n    request: {request.Excerpt}\n    answer: {(int)response.StatusCode} {Cut(body)}");
            if (response.IsSuccessStatusCode && change is not null && IsRemoval(operation)) await simulator.SeedAsync();
        }
        return failures;
    }

    /// <summary>Fails the test with every problem found (the first few in full), naming the seed where there is one.</summary>
    public static void AssertNone(List<string> failures, string operation, int? seed = null)
    {
        if (failures.Count == 0) return;
        var seedNote = seed is null ? "" : $" (seed {seed}; rerun with WORKSHOP_FUZZ_SEED={seed})";
        Assert.Fail($"{operation}: {failures.Count} bad answers{seedNote}:\n  " + string.Join("\n  ", failures.Take(12)));
    }

    private static bool IsRemoval(string operation) =>
        new[] { "Delete", "Deregister", "Stop", "BatchDelete", "Untag" }.Any(verb => operation.StartsWith(verb, StringComparison.Ordinal));

    private static bool IsRead(string operation) =>
        operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal)
        || operation.StartsWith("Get", StringComparison.Ordinal) || operation.StartsWith("BatchGet", StringComparison.Ordinal)
        || operation.StartsWith("Filter", StringComparison.Ordinal);

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

/// <summary>What an AWS JSON 1.1 answer must look like.</summary>
public static class AwsAnswer
{
    /// <summary>
    /// Null when the answer is a 200 with a JSON object, or a 400 in AWS's error shape (<c>__type</c>, <c>message</c>,
    /// the same code in <c>X-Amzn-Errortype</c>, the JSON 1.1 content type); otherwise what is wrong.
    /// </summary>
    public static string? Problem(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return $"a server error ({status})";
        JsonElement json;
        try
        {
            // Answers may nest deeper than requests (unmodelled members are echoed inside the shapes around them).
            json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = AwsJson.MaxAnswerDepth }).RootElement;
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }
        if (json.ValueKind != JsonValueKind.Object) return "the body is not a JSON object";
        if (response.Content.Headers.ContentType?.MediaType != AwsJson.ContentType) return $"the content type is {response.Content.Headers.ContentType}";
        if (status == 200) return null;
        if (status != 400) return $"status {status}, not 400";
        var type = json.TryGetProperty("__type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var message = json.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (string.IsNullOrEmpty(type)) return "no __type";
        if (string.IsNullOrWhiteSpace(message)) return "no message";
        var header = response.Headers.TryGetValues("X-Amzn-Errortype", out var values) ? string.Join(",", values) : null;
        return header == type ? null : $"X-Amzn-Errortype is {header ?? "missing"}, __type is {type}";
    }
}
