using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Errors;

namespace EcsWorkshop.AwsCli;

/// <summary>
/// Runs the real AWS CLI (v2 preferred) on a command line a learner wrote, pointed at the session's target: the
/// simulator gets <c>--endpoint-url</c> (and, when none are set, the workshop's example access keys), AWS gets the
/// session's profile and region.
/// </summary>
internal static class AwsCliProcess
{
    /// <summary>The environment variable that names the AWS CLI to use, before the <c>aws</c> on the PATH.</summary>
    public const string CliVariable = "ECS_WORKSHOP_AWS_CLI";

    private const string Step = "AWS CLI の実行";

    /// <summary>
    /// Runs the command against <paramref name="target"/>; in a classroom <paramref name="classroomKeys"/> is the
    /// learner's key pair, which the command is signed with whatever the machine's own AWS settings are.
    /// </summary>
    public static async Task<AwsCliRun> RunAsync(string commandLine, CliTarget target, CancellationToken cancellationToken,
        (string AccessKeyId, string SecretAccessKey)? classroomKeys = null)
    {
        var words = Split(commandLine);
        if (words.Length < 3 || words[0] != "aws")
            throw WorkshopStepException.Workshop(Step, "NotAnAwsCliCommand", "AWS CLI のコマンドではありません",
                $"`{commandLine}` は `aws サービス 操作 …` の形になっていません。", "このステップは AWS CLI (`aws`) のコマンドだけを実行します。",
                "`aws ecs describe-clusters --clusters fargate-cluster` のように、`aws` から書いてください。", commandLine);
        var (cli, version) = await FindAsync(cancellationToken).ConfigureAwait(false);
        var arguments = new List<string>(words.Skip(1));
        if (target.EndpointUrl is { } endpoint && !arguments.Contains("--endpoint-url"))
            arguments.AddRange(["--endpoint-url", endpoint.ToString().TrimEnd('/')]);
        if (target.Region is { } region && !arguments.Contains("--region")) arguments.AddRange(["--region", region]);
        if (target.Profile is { } profile && !arguments.Contains("--profile")) arguments.AddRange(["--profile", profile]);

        var start = Start(cli, arguments);
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_DEFAULT_OUTPUT"] = "json";
        if (target.IsSimulator)
        {
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            if (classroomKeys is { } keys)
            {
                start.Environment["AWS_ACCESS_KEY_ID"] = keys.AccessKeyId;
                start.Environment["AWS_SECRET_ACCESS_KEY"] = keys.SecretAccessKey;
                start.Environment.Remove("AWS_SESSION_TOKEN");
                start.Environment.Remove("AWS_PROFILE");
            }
            else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")))
            {
                start.Environment["AWS_ACCESS_KEY_ID"] = "AKIAWORKSHOPEXAMPLE";
                start.Environment["AWS_SECRET_ACCESS_KEY"] = "workshop-secret-key-example";
                start.Environment.Remove("AWS_SESSION_TOKEN");
                start.Environment.Remove("AWS_PROFILE");
            }
        }
        var (exit, output, error) = await RunProcessAsync(start, cancellationToken).ConfigureAwait(false);
        return new AwsCliRun
        {
            CommandLine = commandLine.Trim(),
            Arguments = [cli, .. arguments],
            CliVersion = version,
            ExitCode = exit,
            Output = output,
            Error = error,
        };
    }

    /// <summary>The first AWS CLI v2 among <see cref="CliVariable"/>, the PATH and the usual places; else the first CLI that answers.</summary>
    private static async Task<(string Path, string Version)> FindAsync(CancellationToken cancellationToken)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(CliVariable) is { Length: > 0 } named) candidates.Add(named);
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            candidates.Add(Path.Combine(folder, "aws"));
            if (OperatingSystem.IsWindows()) candidates.Add(Path.Combine(folder, "aws.exe"));
        }
        candidates.AddRange(["/usr/local/bin/aws", "/usr/bin/aws"]);
        (string Path, string Version)? fallback = null;
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal).Where(File.Exists))
        {
            try
            {
                var (exit, output, error) = await RunProcessAsync(Start(candidate, ["--version"]), cancellationToken).ConfigureAwait(false);
                var version = (output + error).Trim();
                if (exit != 0 || !version.StartsWith("aws-cli/", StringComparison.Ordinal)) continue;
                if (version.StartsWith("aws-cli/2", StringComparison.Ordinal)) return (candidate, version);
                fallback ??= (candidate, version);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not runnable: try the next one
            }
        }
        return fallback ?? throw WorkshopStepException.Workshop(Step, "AwsCliNotFound", "AWS CLI が見つかりません",
            "`aws` コマンドが PATH にも `/usr/local/bin` にも見つかりませんでした。",
            "このステップは、手元にインストールされた AWS CLI をそのまま実行します。",
            "AWS CLI v2 をインストールしてください (https://docs.aws.amazon.com/ja_jp/cli/latest/userguide/getting-started-install.html)。別の場所にあるときは、環境変数 `ECS_WORKSHOP_AWS_CLI` にそのパスを設定します。",
            "aws: command not found");
    }

    private static ProcessStartInfo Start(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    private static async Task<(int Exit, string Output, string Error)> RunProcessAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>
    /// Splits a command line as a POSIX shell would for the cases a hands-on uses: words separated by blanks,
    /// <c>"…"</c> and <c>'…'</c> quoting, a backslash escaping the next character, and <c>\</c> at a line's end
    /// joining lines. Variables and globs are not expanded.
    /// </summary>
    internal static ImmutableArray<string> Split(string commandLine)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            if (quote == '\'')
            {
                if (c == '\'') quote = null;
                else word.Append(c);
                continue;
            }
            if (c == '\\' && i + 1 < commandLine.Length)
            {
                var next = commandLine[++i];
                if (next == '\r' && i + 1 < commandLine.Length && commandLine[i + 1] == '\n') i++;
                else if (next != '\n')
                {
                    if (quote == '"' && next is not ('"' or '\\' or '$' or '`')) word.Append('\\');
                    word.Append(next);
                    inWord = true;
                }
                continue;
            }
            if (quote == '"')
            {
                if (c == '"') quote = null;
                else word.Append(c);
                continue;
            }
            if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (quote is not null)
            throw WorkshopStepException.Workshop(Step, "UnclosedQuote", "引用符が閉じていません",
                $"コマンドの中の `{quote}` に、対になる `{quote}` がありません。", "引用符で囲んだ部分は、閉じるまで 1 つの値として読まれます。",
                "引用符の数が偶数になっているか確かめてください。", commandLine);
        if (inWord) words.Add(word.ToString());
        return words.ToImmutable();
    }
}
