using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Display.Views;

/// <summary>Where an AWS CLI command is meant to go: the local simulator or a real AWS account.</summary>
/// <param name="EndpointUrl">The simulator's address (<c>--endpoint-url</c>); null for real AWS.</param>
/// <param name="Region">A region to name with <c>--region</c>, or null to leave it to the CLI's configuration.</param>
/// <param name="Profile">A named profile (<c>--profile</c>), or null.</param>
public sealed record CliTarget(Uri? EndpointUrl, string? Region = null, string? Profile = null)
{
    /// <summary>The local simulator at <paramref name="endpoint"/> (for example <c>http://127.0.0.1:4566</c>).</summary>
    public static CliTarget Simulator(Uri endpoint, string? region = null) => new(endpoint, region);

    /// <summary>A real AWS account: no endpoint, the CLI's own configuration decides the rest.</summary>
    public static CliTarget Aws(string? region = null, string? profile = null) => new(null, region, profile);

    /// <summary>Whether commands go to the simulator.</summary>
    public bool IsSimulator => EndpointUrl is not null;
}

/// <summary>One option of an AWS CLI command: <c>--name value</c>, or a bare flag when <see cref="Value"/> is null.</summary>
public sealed record CliOption(string Name, string? Value);

/// <summary>
/// The AWS CLI command that does what a hands-on step did, so the learner can repeat it by hand. Written for a
/// POSIX shell (bash, zsh): values are quoted only where the shell needs it, JSON in single quotes.
/// </summary>
/// <param name="Service">The CLI service: <c>ecs</c>, <c>ecr</c>, <c>logs</c>.</param>
/// <param name="Operation">The CLI operation: <c>create-cluster</c>.</param>
/// <param name="Options">The options in the order they are written.</param>
public sealed partial record AwsCliCommand(string Service, string Operation, ImmutableArray<CliOption> Options)
{
    /// <summary>The program name written at the start of every command.</summary>
    public const string Program = "aws";

    /// <summary>Commands longer than this are written across lines with <c>\</c> continuations.</summary>
    public const int MaxSingleLine = 100;

    /// <summary>A command with no options yet: <c>AwsCliCommand.For("ecs", "create-cluster")</c>.</summary>
    public static AwsCliCommand For(string service, string operation) => new(service, operation, []);

    /// <summary>The command with <c>--name value</c> added (nothing added when the value is null).</summary>
    public AwsCliCommand With(string name, string? value) =>
        value is null ? this : this with { Options = Options.Add(new CliOption(Normalise(name), value)) };

    /// <summary>The command with <c>--name N</c> added (nothing added when null).</summary>
    public AwsCliCommand With(string name, long? value) =>
        value is null ? this : With(name, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The command with a bare flag added: <c>--force</c>.</summary>
    public AwsCliCommand WithFlag(string name) => this with { Options = Options.Add(new CliOption(Normalise(name), null)) };

    /// <summary>The words of the command for <paramref name="target"/>, unquoted (as a process's argument list).</summary>
    public ImmutableArray<string> ToArguments(CliTarget target)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        words.Add(Program);
        foreach (var option in Global(target))
        {
            words.Add(option.Name);
            if (option.Value is not null) words.Add(option.Value);
        }
        words.Add(Service);
        words.Add(Operation);
        foreach (var option in Options)
        {
            words.Add(option.Name);
            if (option.Value is not null) words.Add(option.Value);
        }
        return words.ToImmutable();
    }

    /// <summary>The command on one line, quoted for a POSIX shell.</summary>
    public string ToCommandLine(CliTarget target)
    {
        var parts = new List<string> { Program };
        parts.AddRange(Global(target).Select(Word));
        parts.Add(Service);
        parts.Add(Operation);
        parts.AddRange(Options.Select(Word));
        return string.Join(' ', parts);
    }

    /// <summary>
    /// The command as it is best shown for copying: one line when short, otherwise each option on its own line,
    /// joined by <c> \</c> continuations (still one command when pasted into a shell).
    /// </summary>
    public string ToDisplayCommand(CliTarget target)
    {
        var single = ToCommandLine(target);
        if (single.Length <= MaxSingleLine) return single;
        var head = new List<string> { Program };
        head.AddRange(Global(target).Select(Word));
        head.Add(Service);
        head.Add(Operation);
        var builder = new StringBuilder(string.Join(' ', head));
        foreach (var option in Options) builder.Append(" \\\n    ").Append(Word(option));
        return builder.ToString();
    }

    /// <summary>A single word quoted for a POSIX shell: bare when safe, else in single quotes.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && SafeWord().IsMatch(word)) return word;
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static IEnumerable<CliOption> Global(CliTarget target)
    {
        if (target.EndpointUrl is { } endpoint) yield return new CliOption("--endpoint-url", endpoint.ToString().TrimEnd('/'));
        if (target.Region is { } region) yield return new CliOption("--region", region);
        if (target.Profile is { } profile) yield return new CliOption("--profile", profile);
    }

    private static string Word(CliOption option) => option.Value is null ? option.Name : $"{option.Name} {Quote(option.Value)}";

    private static string Normalise(string name) => name.StartsWith("--", StringComparison.Ordinal) ? name : "--" + name;

    [GeneratedRegex(@"^[A-Za-z0-9_@%+=:,./-]+$")]
    private static partial Regex SafeWord();
}
