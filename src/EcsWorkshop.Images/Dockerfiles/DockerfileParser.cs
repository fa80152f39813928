using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcsWorkshop.Images.Oci;

namespace EcsWorkshop.Images.Dockerfiles;

/// <summary>
/// Turns Dockerfile text into <see cref="Dockerfile"/>: splits it into instructions, tracks which build arguments
/// and environment variables are in scope (global <c>ARG</c>s for <c>FROM</c>; a stage's <c>ARG</c>s and
/// <c>ENV</c>s, <c>ENV</c> winning, for its instructions), substitutes them, and refuses what needs a container.
/// </summary>
internal sealed partial class DockerfileParser(DockerfileParseOptions options)
{
    /// <summary>The default shell of Linux images, which wraps shell-form commands.</summary>
    public static readonly ImmutableArray<string> DefaultShell = ["/bin/sh", "-c"];

    /// <summary>The PATH docker gives Linux images that do not set one.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static readonly HashSet<string> Keywords =
    [
        "FROM", "ARG", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER",
        "WORKDIR", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    ];

    [GeneratedRegex("^[a-z][a-z0-9-_.]*$", RegexOptions.IgnoreCase)]
    private static partial Regex StageNamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ArgNamePattern();

    [GeneratedRegex("^(?:[a-z][a-z0-9+.-]*://|git@)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^(?<start>\d+)(?:-(?<end>\d+))?(?:/(?<protocol>tcp|udp|sctp))?$", RegexOptions.IgnoreCase)]
    private static partial Regex PortPattern();

    [GeneratedRegex("^[0-7]{3,4}$")]
    private static partial Regex OctalPattern();

    private char _escape = '\\';
    private readonly Dictionary<string, string?> _globalArgs = new(StringComparer.Ordinal);
    private readonly List<ArgInstruction> _globalArgInstructions = [];
    private readonly List<StageState> _stages = [];
    private StageState? _stage;

    /// <summary>The variables, shell and instructions of the stage being parsed.</summary>
    private sealed class StageState(int index, FromInstruction from, Platform platform, int? parent, List<KeyValuePair<string, string>> env, ImmutableArray<string> shell)
    {
        public int Index { get; } = index;
        public FromInstruction From { get; } = from;
        public Platform Platform { get; } = platform;
        public int? Parent { get; } = parent;
        public List<KeyValuePair<string, string>> Env { get; } = env;
        public Dictionary<string, string?> Args { get; } = new(StringComparer.Ordinal);
        public ImmutableArray<string> Shell { get; set; } = shell;
        public List<Instruction> Instructions { get; } = [];

        public string? Lookup(string name)
        {
            var env = Env.FindLastIndex(e => e.Key == name);
            if (env >= 0) return Env[env].Value;
            return Args.GetValueOrDefault(name);
        }

        public void SetEnv(string name, string value)
        {
            var existing = Env.FindIndex(e => e.Key == name);
            if (existing >= 0) Env[existing] = new(name, value);
            else Env.Add(new(name, value));
        }
    }

    public Dockerfile Parse(string text)
    {
        var (escape, lines) = LogicalLines.Read(text);
        _escape = escape;
        if (lines.Count == 0) throw DockerfileErrors.Empty();
        foreach (var line in lines) ParseLine(line);
        if (_stages.Count == 0) throw DockerfileErrors.Syntax(lines[^1].Line, "FROM", "the Dockerfile has no FROM; every Dockerfile starts its build stage with FROM.",
            "FROM がありません。ビルドステージは FROM で始める必要があります。");
        return new Dockerfile(
            [.. _globalArgInstructions],
            [.. _stages.Select(s => new BuildStage(s.Index, s.From, s.Platform, [.. s.Instructions]) { ParentStage = s.Parent })]);
    }

    private void ParseLine(LogicalLine line)
    {
        var split = line.Text.IndexOfAny([' ', '\t']);
        var keyword = (split < 0 ? line.Text : line.Text[..split]).ToUpperInvariant();
        var rest = split < 0 ? "" : line.Text[(split + 1)..].Trim();
        if (!Keywords.Contains(keyword)) throw DockerfileErrors.UnknownInstruction(line.Line, split < 0 ? line.Text : line.Text[..split]);

        try
        {
            if (keyword == "FROM")
            {
                ParseFrom(line, rest);
                return;
            }
            if (keyword == "ARG" && _stage is null)
            {
                foreach (var arg in ParseArgs(line, rest, global: true)) _globalArgInstructions.Add(arg);
                return;
            }
            if (keyword == "RUN") throw DockerfileErrors.Run(line.Line);
            if (keyword == "ONBUILD") throw DockerfileErrors.OnBuild(line.Line);
            var stage = _stage ?? throw DockerfileErrors.NoStage(line.Line, keyword);
            foreach (var instruction in ParseInstruction(stage, line, keyword, rest)) stage.Instructions.Add(instruction);
        }
        catch (WordExpansionException e)
        {
            throw DockerfileErrors.BadVariable(line.Line, keyword, e.Message);
        }
    }

    private IEnumerable<Instruction> ParseInstruction(StageState stage, LogicalLine line, string keyword, string rest)
    {
        var expander = new WordExpander(_escape, stage.Lookup);
        switch (keyword)
        {
            case "ARG":
                return ParseArgs(line, rest, global: false);
            case "ENV":
            {
                var pairs = ParsePairs(line, "ENV", rest, expander);
                foreach (var (name, value) in pairs) stage.SetEnv(name, value);
                return [new EnvInstruction(line.Line, line.Text, pairs)];
            }
            case "LABEL":
                return [new LabelInstruction(line.Line, line.Text, ParsePairs(line, "LABEL", rest, expander))];
            case "WORKDIR":
                return [new WorkdirInstruction(line.Line, line.Text, RequireOne(line, keyword, expander.Expand(rest)))];
            case "USER":
                return [new UserInstruction(line.Line, line.Text, RequireOne(line, keyword, expander.Expand(rest)))];
            case "STOPSIGNAL":
                return [new StopSignalInstruction(line.Line, line.Text, RequireOne(line, keyword, expander.Expand(rest)))];
            case "MAINTAINER":
                return [new MaintainerInstruction(line.Line, line.Text, RequireOne(line, keyword, expander.Expand(rest)))];
            case "EXPOSE":
                return [new ExposeInstruction(line.Line, line.Text, ParsePorts(line, rest, expander))];
            case "VOLUME":
            {
                var paths = (JsonArray(rest) ?? WordExpander.SplitWords(rest, _escape)).Select(expander.Expand).ToImmutableArray();
                if (paths.Length == 0 || paths.Any(string.IsNullOrWhiteSpace))
                    throw DockerfileErrors.MissingArguments(line.Line, keyword, "VOLUME needs at least one non-empty path.", "VOLUME には空でないパスを 1 つ以上書いてください。");
                return [new VolumeInstruction(line.Line, line.Text, paths)];
            }
            case "CMD":
            {
                var (command, shellForm) = ParseCommand(stage, line, keyword, rest);
                return [new CmdInstruction(line.Line, line.Text, command, shellForm)];
            }
            case "ENTRYPOINT":
            {
                var (command, shellForm) = ParseCommand(stage, line, keyword, rest);
                return [new EntrypointInstruction(line.Line, line.Text, command, shellForm)];
            }
            case "SHELL":
            {
                var shell = JsonArray(rest);
                if (shell is null || shell.Count == 0)
                    throw DockerfileErrors.Syntax(line.Line, keyword, "SHELL needs a JSON array, for example SHELL [\"/bin/bash\", \"-c\"].",
                        "SHELL は JSON 配列で書く必要があります（例: SHELL [\"/bin/bash\", \"-c\"]）。");
                stage.Shell = [.. shell];
                return [new ShellInstruction(line.Line, line.Text, stage.Shell)];
            }
            case "HEALTHCHECK":
                return [ParseHealthcheck(stage, line, rest)];
            case "COPY":
            case "ADD":
                return [ParseCopy(line, keyword, rest, expander)];
            default:
                throw DockerfileErrors.UnknownInstruction(line.Line, keyword);
        }
    }

    // ---- FROM and ARG --------------------------------------------------------------------------------------------

    private void ParseFrom(LogicalLine line, string rest)
    {
        var global = new WordExpander(_escape, GlobalLookup);
        var (flags, remainder) = ExtractFlags(line, "FROM", rest, "platform");
        var words = WordExpander.SplitWords(remainder, _escape).Select(global.Expand).ToList();
        if (words.Count is not (1 or 3) || (words.Count == 3 && !words[1].Equals("AS", StringComparison.OrdinalIgnoreCase)))
            throw DockerfileErrors.Syntax(line.Line, "FROM", "FROM takes an image and optionally AS and a stage name: FROM image [AS name].",
                "FROM には「FROM イメージ [AS ステージ名]」の形で書いてください。");
        var image = words[0];
        var stageName = words.Count == 3 ? words[2].ToLowerInvariant() : null;
        if (stageName is not null && !StageNamePattern().IsMatch(stageName))
            throw DockerfileErrors.Syntax(line.Line, "FROM", $"'{words[2]}' is not a valid stage name (letters, digits, '-', '_' and '.', starting with a letter).",
                $"'{words[2]}' はステージ名として使えません（英字で始まり、英数字と - _ . だけを使います）。");
        if (stageName is not null && _stages.Any(s => s.From.StageName == stageName))
            throw DockerfileErrors.Syntax(line.Line, "FROM", $"the stage name '{stageName}' is used twice.", $"ステージ名 '{stageName}' が重複しています。");

        var parent = _stages.FirstOrDefault(s => s.From.StageName is { } name && name.Equals(image, StringComparison.OrdinalIgnoreCase));
        if (parent is null && !image.Equals("scratch", StringComparison.OrdinalIgnoreCase) && !ImageReference.TryParse(image, out _))
            throw DockerfileErrors.BadReference(line.Line, image);

        Platform? explicitPlatform = null;
        if (flags.TryGetValue("platform", out var platformText))
        {
            var expanded = global.Expand(platformText ?? "");
            if (!Platform.TryParse(expanded, out explicitPlatform)) throw DockerfileErrors.BadPlatform(line.Line, expanded);
        }
        var platform = explicitPlatform ?? parent?.Platform ?? options.TargetPlatform;
        if (platform.Os != "linux") throw DockerfileErrors.NotSupportedPlatform(line.Line, platform);

        var from = new FromInstruction(line.Line, line.Text, image, stageName, explicitPlatform);
        var env = parent is not null
            ? new List<KeyValuePair<string, string>>(parent.Env)
            : BaseEnvironment(from, platform);
        _stage = new StageState(_stages.Count, from, platform, parent?.Index, env, parent?.Shell ?? DefaultShell);
        _stages.Add(_stage);
    }

    private List<KeyValuePair<string, string>> BaseEnvironment(FromInstruction from, Platform platform)
    {
        var env = from.IsScratch ? null : options.BaseImageEnvironment?.Invoke(from.Image, platform);
        var variables = (env ?? []).Select(e => e.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1] : "")).ToList();
        if (!variables.Any(v => v.Key == "PATH")) variables.Insert(0, new("PATH", DefaultPath));
        return variables;
    }

    private IEnumerable<ArgInstruction> ParseArgs(LogicalLine line, string rest, bool global)
    {
        var words = WordExpander.SplitWords(rest, _escape);
        if (words.Count == 0)
            throw DockerfileErrors.MissingArguments(line.Line, "ARG", "ARG needs a name, for example ARG VERSION=1.0.", "ARG には名前を書いてください（例: ARG VERSION=1.0）。");
        var expander = new WordExpander(_escape, global ? GlobalLookup : _stage!.Lookup);
        var result = new List<ArgInstruction>();
        foreach (var word in words)
        {
            var equals = word.IndexOf('=');
            var name = equals < 0 ? word : word[..equals];
            if (!ArgNamePattern().IsMatch(name))
                throw DockerfileErrors.Syntax(line.Line, "ARG", $"'{name}' is not a valid argument name.", $"'{name}' は引数名として使えません。");
            string? value;
            if (options.BuildArgs.TryGetValue(name, out var overridden)) value = overridden;
            else if (equals >= 0) value = expander.Expand(word[(equals + 1)..]);
            else if (!global && _globalArgs.TryGetValue(name, out var globalValue)) value = globalValue;
            else value = AutomaticArg(name);

            if (global) _globalArgs[name] = value;
            else _stage!.Args[name] = value;
            result.Add(new ArgInstruction(line.Line, line.Text, name, value));
        }
        return result;
    }

    private string? GlobalLookup(string name) => _globalArgs.TryGetValue(name, out var value) ? value : AutomaticArg(name);

    /// <summary>The platform arguments docker defines automatically (the build runs nowhere, so BUILD* = TARGET*).</summary>
    private string? AutomaticArg(string name)
    {
        var platform = options.TargetPlatform;
        return name switch
        {
            "TARGETPLATFORM" or "BUILDPLATFORM" => platform.ToString(),
            "TARGETOS" or "BUILDOS" => platform.Os,
            "TARGETARCH" or "BUILDARCH" => platform.Architecture,
            "TARGETVARIANT" or "BUILDVARIANT" => platform.Variant ?? "",
            _ => null,
        };
    }

    // ---- instruction arguments ---------------------------------------------------------------------------------

    private ImmutableArray<KeyValuePair<string, string>> ParsePairs(LogicalLine line, string keyword, string rest, WordExpander expander)
    {
        var words = WordExpander.SplitWords(rest, _escape);
        if (words.Count == 0)
            throw DockerfileErrors.MissingArguments(line.Line, keyword, $"{keyword} needs at least one name=value.", $"{keyword} には name=value を 1 つ以上書いてください。");
        if (!words[0].Contains('='))
        {
            var value = rest[words[0].Length..].TrimStart();
            if (value.Length == 0)
                throw DockerfileErrors.MissingArguments(line.Line, keyword, $"{keyword} {words[0]} has no value; write {keyword} {words[0]}=value.",
                    $"{keyword} {words[0]} に値がありません。{keyword} {words[0]}=値 の形で書いてください。");
            return [new(expander.Expand(words[0]), expander.Expand(value))];
        }
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var word in words)
        {
            var equals = word.IndexOf('=');
            if (equals <= 0)
                throw DockerfileErrors.Syntax(line.Line, keyword, $"'{word}' has no name=value form; write {keyword} name=value (quote values that contain spaces).",
                    $"'{word}' が name=value の形になっていません。{keyword} 名前=値 の形で書いてください（空白を含む値は引用符で囲みます）。");
            var name = expander.Expand(word[..equals]);
            if (name.Length == 0)
                throw DockerfileErrors.Syntax(line.Line, keyword, $"'{word}' has an empty name.", $"'{word}' の名前が空です。");
            pairs.Add(new(name, expander.Expand(word[(equals + 1)..])));
        }
        return [.. pairs];
    }

    private static string RequireOne(LogicalLine line, string keyword, string value) =>
        value.Trim().Length > 0 ? value.Trim()
            : throw DockerfileErrors.MissingArguments(line.Line, keyword, $"{keyword} needs an argument.", $"{keyword} には引数が必要です。");

    private ImmutableArray<string> ParsePorts(LogicalLine line, string rest, WordExpander expander)
    {
        var words = WordExpander.SplitWords(rest, _escape).Select(expander.Expand)
            .SelectMany(w => w.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (words.Count == 0)
            throw DockerfileErrors.MissingArguments(line.Line, "EXPOSE", "EXPOSE needs at least one port, for example EXPOSE 80.", "EXPOSE にはポートを 1 つ以上書いてください（例: EXPOSE 80）。");
        var ports = new List<string>();
        foreach (var word in words)
        {
            var match = PortPattern().Match(word);
            if (!match.Success || !int.TryParse(match.Groups["start"].Value, out var start) || start is < 1 or > 65535) throw DockerfileErrors.BadPort(line.Line, word);
            var end = start;
            if (match.Groups["end"].Success && (!int.TryParse(match.Groups["end"].Value, out end) || end < start || end > 65535)) throw DockerfileErrors.BadPort(line.Line, word);
            var protocol = match.Groups["protocol"].Success ? match.Groups["protocol"].Value.ToLowerInvariant() : "tcp";
            for (var port = start; port <= end; port++) ports.Add($"{port}/{protocol}");
        }
        return [.. ports];
    }

    private (ImmutableArray<string> Command, bool ShellForm) ParseCommand(StageState stage, LogicalLine line, string keyword, string rest)
    {
        if (JsonArray(rest) is { } exec) return ([.. exec], false);
        if (rest.Length == 0)
            throw DockerfileErrors.MissingArguments(line.Line, keyword, $"{keyword} needs a command, for example {keyword} [\"nginx\", \"-g\", \"daemon off;\"].",
                $"{keyword} にはコマンドを書いてください（例: {keyword} [\"nginx\", \"-g\", \"daemon off;\"]）。");
        return ([.. stage.Shell, rest], true);
    }

    private HealthcheckInstruction ParseHealthcheck(StageState stage, LogicalLine line, string rest)
    {
        var (flags, remainder) = ExtractFlags(line, "HEALTHCHECK", rest, "interval", "timeout", "start-period", "start-interval", "retries");
        var split = remainder.IndexOfAny([' ', '\t']);
        var type = (split < 0 ? remainder : remainder[..split]).ToUpperInvariant();
        var command = split < 0 ? "" : remainder[(split + 1)..].Trim();
        if (type == "NONE")
        {
            if (flags.Count > 0 || command.Length > 0)
                throw DockerfileErrors.Syntax(line.Line, "HEALTHCHECK", "HEALTHCHECK NONE takes no options or arguments.", "HEALTHCHECK NONE にはオプションや引数を付けられません。");
            return new HealthcheckInstruction(line.Line, line.Text, new HealthCheck { Test = ["NONE"] });
        }
        if (type != "CMD" || command.Length == 0)
            throw DockerfileErrors.Syntax(line.Line, "HEALTHCHECK", "HEALTHCHECK takes NONE or CMD followed by a command, for example HEALTHCHECK CMD curl -f http://localhost/.",
                "HEALTHCHECK には NONE か、CMD とコマンドを書いてください（例: HEALTHCHECK CMD curl -f http://localhost/）。");
        ImmutableArray<string> test = JsonArray(command) is { } exec ? ["CMD", .. exec] : ["CMD-SHELL", command];
        var expander = new WordExpander(_escape, stage.Lookup);
        var retries = 0;
        if (flags.TryGetValue("retries", out var retriesText) && (!int.TryParse(expander.Expand(retriesText ?? ""), out retries) || retries < 0))
            throw DockerfileErrors.Syntax(line.Line, "HEALTHCHECK", $"--retries={retriesText} is not a whole number of 0 or more.", $"--retries={retriesText} は 0 以上の整数で書いてください。");
        return new HealthcheckInstruction(line.Line, line.Text, new HealthCheck
        {
            Test = test,
            Interval = Duration(line, flags, "interval", expander),
            Timeout = Duration(line, flags, "timeout", expander),
            StartPeriod = Duration(line, flags, "start-period", expander),
            StartInterval = Duration(line, flags, "start-interval", expander),
            Retries = retries,
        });
    }

    private static long Duration(LogicalLine line, Dictionary<string, string?> flags, string name, WordExpander expander)
    {
        if (!flags.TryGetValue(name, out var text)) return 0;
        var value = expander.Expand(text ?? "");
        var nanoseconds = GoDuration.TryParseNanoseconds(value);
        if (nanoseconds is not { } ns || (ns != 0 && ns < 1_000_000)) throw DockerfileErrors.BadDuration(line.Line, name, value);
        return ns;
    }

    private CopyInstruction ParseCopy(LogicalLine line, string keyword, string rest, WordExpander expander)
    {
        var isAdd = keyword == "ADD";
        var (flags, remainder) = isAdd
            ? ExtractFlags(line, keyword, rest, "chown", "chmod", "from", "link", "checksum", "keep-git-dir")
            : ExtractFlags(line, keyword, rest, "chown", "chmod", "from", "link");
        if (flags.TryGetValue("from", out var from)) throw DockerfileErrors.CopyFrom(line.Line, keyword, expander.Expand(from ?? ""));

        var raw = JsonArray(remainder) ?? WordExpander.SplitWords(remainder, _escape);
        if (raw.Any(w => w.StartsWith("<<", StringComparison.Ordinal))) throw DockerfileErrors.Heredoc(line.Line, keyword);
        var words = raw.Select(expander.Expand).ToList();
        if (words.Count < 2)
            throw DockerfileErrors.MissingArguments(line.Line, keyword, $"{keyword} needs a source and a destination, for example {keyword} index.html /usr/share/nginx/html/.",
                $"{keyword} にはコピー元とコピー先を書いてください（例: {keyword} index.html /usr/share/nginx/html/）。");
        var sources = words[..^1];
        foreach (var source in sources.Where(s => UrlPattern().IsMatch(s)))
            throw isAdd ? DockerfileErrors.AddUrl(line.Line, source) : DockerfileErrors.CopyUrl(line.Line, source);
        foreach (var flag in new[] { "checksum", "keep-git-dir" }.Where(flags.ContainsKey))
            throw DockerfileErrors.Syntax(line.Line, keyword, $"--{flag} applies only to URL and Git sources.", $"--{flag} は URL や Git のコピー元にだけ使えます。");

        OwnerSpec? chown = null;
        if (flags.TryGetValue("chown", out var chownText))
        {
            var value = expander.Expand(chownText ?? "");
            var parts = value.Split(':');
            if (parts.Length > 2 || parts.Any(p => p.Length == 0)) throw DockerfileErrors.BadChown(line.Line, keyword, value);
            chown = new OwnerSpec(parts[0], parts.Length == 2 ? parts[1] : null);
        }
        UnixFileMode? chmod = null;
        if (flags.TryGetValue("chmod", out var chmodText))
        {
            var value = expander.Expand(chmodText ?? "");
            if (!OctalPattern().IsMatch(value)) throw DockerfileErrors.BadChmod(line.Line, keyword, value);
            chmod = (UnixFileMode)Convert.ToInt32(value, 8);
        }
        return new CopyInstruction(line.Line, line.Text, isAdd, [.. sources], words[^1], chown, chmod);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /// <summary>Takes the leading <c>--name[=value]</c> flags off an instruction's arguments, refusing unknown ones.</summary>
    private static (Dictionary<string, string?> Flags, string Remainder) ExtractFlags(LogicalLine line, string keyword, string rest, params string[] allowed)
    {
        var flags = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny([' ', '\t']);
            var token = end < 0 ? rest : rest[..end];
            rest = end < 0 ? "" : rest[end..].TrimStart();
            var equals = token.IndexOf('=');
            var name = (equals < 0 ? token[2..] : token[2..equals]).ToLowerInvariant();
            if (!allowed.Contains(name)) throw DockerfileErrors.UnknownFlag(line.Line, keyword, name);
            flags[name] = equals < 0 ? null : token[(equals + 1)..];
        }
        return (flags, rest);
    }

    /// <summary>The strings of a JSON array (the exec form), or null when the text is not one (the shell form).</summary>
    private static List<string>? JsonArray(string text)
    {
        if (!text.StartsWith('[')) return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return null;
            var items = new List<string>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String) return null;
                items.Add(item.GetString()!);
            }
            return items;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Go's duration syntax, which docker uses for health check timings: <c>30s</c>, <c>1m30s</c>, <c>500ms</c>.</summary>
internal static partial class GoDuration
{
    [GeneratedRegex(@"(?<number>\d+(?:\.\d*)?|\.\d+)(?<unit>ns|us|µs|ms|s|m|h)")]
    private static partial Regex Part();

    /// <summary>The duration in nanoseconds, or null when the text is not a duration.</summary>
    public static long? TryParseNanoseconds(string text)
    {
        if (text == "0") return 0;
        var matches = Part().Matches(text);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text) return null;
        decimal total = 0;
        foreach (Match match in matches)
        {
            var number = decimal.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
            total += number * match.Groups["unit"].Value switch
            {
                "ns" => 1m,
                "us" or "µs" => 1_000m,
                "ms" => 1_000_000m,
                "s" => 1_000_000_000m,
                "m" => 60_000_000_000m,
                _ => 3_600_000_000_000m,
            };
        }
        return (long)total;
    }
}
