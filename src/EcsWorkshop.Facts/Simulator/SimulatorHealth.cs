using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsWorkshop.Facts.Simulator;

/// <summary>
/// What the simulator answers at <see cref="Path"/>: that it is up, which AWS services it serves, where it keeps its
/// world and how fast its clock runs. The server writes this record and the helper library and the notebooks read it,
/// so a new member is added here once (with a default, so that an older simulator's answer still reads).
/// </summary>
public sealed record SimulatorHealth
{
    /// <summary>The path of the answer on the simulator's port; AWS has no such path.</summary>
    public const string Path = "/_workshop/health";

    /// <summary>The status of a simulator that serves.</summary>
    public const string Ok = "ok";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary><c>ok</c> while the simulator serves.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = Ok;

    /// <summary>The AWS services it answers (<c>ecs</c>, <c>ecr</c>, <c>logs</c>).</summary>
    [JsonPropertyName("services")]
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>The folder it keeps its world in; null when the world lives in memory only.</summary>
    [JsonPropertyName("stateDirectory")]
    public string? StateDirectory { get; init; }

    /// <summary>How many times faster than real time its clock runs.</summary>
    [JsonPropertyName("speed")]
    public double Speed { get; init; } = 1;

    /// <summary>Whether it checks the SigV4 signatures of requests.</summary>
    [JsonPropertyName("verifiesSignatures")]
    public bool VerifiesSignatures { get; init; }

    /// <summary>What runs the tasks' containers: <c>docker</c> (real containers) or <c>simulated</c>; null from a simulator older than the choice.</summary>
    [JsonPropertyName("runtime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Runtime { get; init; }

    /// <summary>Whether it serves a classroom (<c>workshop serve --classroom</c>): one account per learner, signatures mandatory.</summary>
    [JsonPropertyName("classroom")]
    public bool Classroom { get; init; }

    /// <summary>How many learners the classroom has; null on a single-learner simulator.</summary>
    [JsonPropertyName("learners")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Learners { get; init; }

    /// <summary>Whether the answer says the simulator serves.</summary>
    [JsonIgnore]
    public bool IsOk => Status == Ok;

    /// <summary>Where a simulator at <paramref name="endpoint"/> answers.</summary>
    public static Uri At(Uri endpoint) => new(endpoint, Path);

    /// <summary>The answer as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads an answer; null when the text is not a JSON object with a status (so not the simulator's answer).</summary>
    public static SimulatorHealth? Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
                return null;
            return document.RootElement.Deserialize<SimulatorHealth>(Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
