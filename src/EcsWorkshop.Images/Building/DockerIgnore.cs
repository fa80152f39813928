namespace EcsWorkshop.Images.Building;

/// <summary>
/// The rules of a <c>.dockerignore</c> file: one pattern a line, <c>#</c> comments, <c>!</c> for exceptions, the
/// last matching rule winning, and a rule on a directory covering everything inside it.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(PathPattern Pattern, bool Exception)> _rules;

    private DockerIgnore(List<(PathPattern, bool)> rules) => _rules = rules;

    /// <summary>No rules: nothing is ignored.</summary>
    public static DockerIgnore None { get; } = new([]);

    /// <summary>True when some rule re-includes paths (so an ignored directory may still hold included files).</summary>
    public bool HasExceptions => _rules.Any(r => r.Exception);

    /// <summary>Parses the text of a <c>.dockerignore</c> file.</summary>
    public static DockerIgnore Parse(string text)
    {
        var rules = new List<(PathPattern, bool)>();
        foreach (var rawLine in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var exception = line.StartsWith('!');
            if (exception) line = line[1..].Trim();
            var cleaned = ContextPath.Clean(line);
            if (cleaned is null or "") continue;
            rules.Add((new PathPattern(cleaned), exception));
        }
        return new DockerIgnore(rules);
    }

    /// <summary>Reads <c>.dockerignore</c> from a build context (<c>Dockerfile.dockerignore</c> next to the Dockerfile first).</summary>
    public static DockerIgnore Load(string contextDirectory, string? dockerfilePath = null)
    {
        var candidates = new List<string>();
        if (dockerfilePath is not null) candidates.Add(dockerfilePath + ".dockerignore");
        candidates.Add(Path.Combine(contextDirectory, ".dockerignore"));
        var file = candidates.FirstOrDefault(File.Exists);
        return file is null ? None : Parse(File.ReadAllText(file));
    }

    /// <summary>True when a context path (relative, with <c>/</c>) is ignored.</summary>
    public bool IsIgnored(string path)
    {
        var ignored = false;
        foreach (var (pattern, exception) in _rules)
        {
            if (pattern.MatchesOrParentMatches(path)) ignored = !exception;
        }
        return ignored;
    }
}
