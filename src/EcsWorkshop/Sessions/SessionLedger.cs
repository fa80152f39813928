using System.Text.Json;

namespace EcsWorkshop.Sessions;

/// <summary>
/// The session id and the names of the repositories, log groups and security groups the session created (ECR and CloudWatch Logs
/// tags cannot be listed through the workshop's client, so their names are remembered here; ECS resources are
/// found by their tags). Kept in a small JSON file when one is named, so notebooks share one session.
/// </summary>
internal sealed class SessionLedger
{
    private readonly object _gate = new();
    private readonly string? _file;
    private readonly SortedSet<string> _repositories = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _logGroups = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _securityGroups = new(StringComparer.Ordinal);

    private readonly string? _stateDirectory;

    private SessionLedger(string id, string? file, string? stateDirectory)
    {
        SessionId = id;
        _file = file;
        _stateDirectory = stateDirectory;
    }

    public string SessionId { get; }

    public IReadOnlyList<string> Repositories { get { lock (_gate) return [.. _repositories]; } }

    public IReadOnlyList<string> LogGroups { get { lock (_gate) return [.. _logGroups]; } }

    /// <summary>The security groups the session created (for its load balancers), by id.</summary>
    public IReadOnlyList<string> SecurityGroups { get { lock (_gate) return [.. _securityGroups]; } }

    /// <summary>
    /// Reads the ledger from <paramref name="file"/> (when it exists), or starts one. <paramref name="stateDirectory"/>
    /// names the simulator's state folder the session belongs to (kept in the file, so a vanished world's session can be forgotten).
    /// </summary>
    public static SessionLedger Open(string? sessionId, string? file, string? stateDirectory = null)
    {
        var stored = Read(file);
        var id = sessionId ?? stored?.SessionId ?? SessionTags.NewId();
        var ledger = new SessionLedger(id, file, stateDirectory ?? stored?.StateDirectory);
        if (stored is not null && stored.SessionId == id)
        {
            foreach (var name in stored.Repositories ?? []) ledger._repositories.Add(name);
            foreach (var name in stored.LogGroups ?? []) ledger._logGroups.Add(name);
            foreach (var group in stored.SecurityGroups ?? []) ledger._securityGroups.Add(group);
        }
        ledger.Save();
        return ledger;
    }

    /// <summary>The state folder a stored session belongs to, or null (an AWS session, an unreadable file).</summary>
    public static string? StateDirectoryOf(string file) => Read(file)?.StateDirectory;

    private static Stored? Read(string? file)
    {
        if (file is null || !File.Exists(file)) return null;
        try
        {
            return JsonSerializer.Deserialize<Stored>(File.ReadAllText(file), JsonOptions);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    public void AddRepository(string name) => Change(() => _repositories.Add(name));

    public void RemoveRepository(string name) => Change(() => _repositories.Remove(name));

    public void AddLogGroup(string name) => Change(() => _logGroups.Add(name));

    public void RemoveLogGroup(string name) => Change(() => _logGroups.Remove(name));

    public void AddSecurityGroup(string id) => Change(() => _securityGroups.Add(id));

    public void RemoveSecurityGroup(string id) => Change(() => _securityGroups.Remove(id));

    private void Change(Func<bool> change)
    {
        lock (_gate)
        {
            if (change()) Save();
        }
    }

    private void Save()
    {
        if (_file is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_file))!);
        var temporary = _file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new Stored(SessionId, [.. _repositories], [.. _logGroups], _stateDirectory, [.. _securityGroups]), JsonOptions));
        File.Move(temporary, _file, overwrite: true);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record Stored(string SessionId, List<string>? Repositories, List<string>? LogGroups, string? StateDirectory = null, List<string>? SecurityGroups = null);
}
