using System.Diagnostics;
using EcsWorkshop.Errors;

namespace EcsWorkshop.Images;

/// <summary>
/// The command-line tools AWS mode builds and pushes with (<c>docker</c>, <c>dotnet publish</c>), run with this
/// process's environment plus <paramref name="environment"/> (a test names a Docker engine that is not there).
/// </summary>
internal sealed class ExternalTools(IReadOnlyDictionary<string, string> environment)
{
    /// <summary>True when the tool runs and exits with 0 (<c>docker info</c>: an engine answers).</summary>
    public async Task<bool> AnswersAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            using var process = Process.Start(StartInfo(tool, arguments, null, null))!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(output, error).ConfigureAwait(false);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Runs the tool; a non-zero exit is a Japanese <see cref="WorkshopStepException"/> with the end of its output.</summary>
    public async Task RunAsync(string tool, string[] arguments, string? input, IReadOnlyDictionary<string, string>? environment, string? directory,
        CancellationToken cancellationToken)
    {
        var start = StartInfo(tool, arguments, environment, directory);
        start.RedirectStandardInput = input is not null;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var text = (await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false));
        if (process.ExitCode != 0)
            throw WorkshopStepException.Workshop("イメージのビルドとプッシュ", "ToolFailed", $"`{tool} {arguments[0]}` が失敗しました",
                $"`{tool} {arguments[0]}` が終了コード {process.ExitCode} で終わりました。", "下の出力 (原文) に理由が書かれています。",
                "出力を読んで原因を直し、もう一度実行してください。", text.Length > 2000 ? text[^2000..] : text);
    }

    private ProcessStartInfo StartInfo(string tool, string[] arguments, IReadOnlyDictionary<string, string>? extra, string? directory)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory ?? "",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return start;
    }
}
