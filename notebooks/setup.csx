// ワークショップのヘルパーライブラリを用意するスクリプトです。どのレッスンも、最初のコードセルで
//     #load "setup.csx"
//     #!import ../artifacts/lesson-library/load.dib
// としてこれを実行します。このスクリプトはライブラリをビルドし（ソースが変わったときだけ。初回は 1 分ほどかかります）、
// ライブラリを読み込んで名前空間を開く小さなノートブック（artifacts/lesson-library/load.dib）を書き出します。
// 2 行目の #!import がそれを実行します。artifacts/ は Git には入りません。
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

/// <summary>レッスンで使うヘルパーライブラリ: ビルドしてあるかを確かめ、必要なときだけビルドします。</summary>
static class LessonLibrary
{
    /// <summary>レッスンが読み込むプロジェクト（リポジトリのルートからの相対パス）。これと Namespaces を変えれば、別のライブラリに切り替わります。</summary>
    public const string Project = "src/EcsWorkshop/EcsWorkshop.csproj";

    /// <summary>レッスンで開いておく、ライブラリの名前空間。</summary>
    public static readonly string[] Namespaces = ["EcsWorkshop", "EcsWorkshop.Steps", "EcsWorkshop.Checks", "EcsWorkshop.Errors", "EcsWorkshop.Display.Explanations", "EcsWorkshop.Display.Views", "EcsWorkshop.Facts.Simulator"];

    /// <summary>ビルド結果の置き場所（リポジトリのルートからの相対パス）。</summary>
    public const string Output = "artifacts/lesson-library";

    /// <summary>ライブラリを用意し、何をしたかを日本語で返します。</summary>
    public static string Prepare()
    {
        var root = FindRepositoryRoot();
        var output = Path.Combine(root, Output);
        var fingerprint = Fingerprint(root);
        using var buildLock = WaitForLock(output + ".lock");
        string done;
        if (IsBuilt(root, output, fingerprint))
        {
            done = $"ヘルパーライブラリはビルド済みです（{Project}）。";
        }
        else
        {
            Console.WriteLine($"ヘルパーライブラリをビルドしています（{Project}）。1 分ほどかかることがあります…");
            var started = DateTime.UtcNow;
            Build(root, output, fingerprint);
            done = $"ヘルパーライブラリをビルドしました（{(DateTime.UtcNow - started).TotalSeconds:0} 秒）。";
        }
        WriteLoader(root, output);
        return done;
    }

    // ライブラリの dll を #r し、名前空間を開くノートブック（load.dib）。レッスンの最初のセルが #!import します。
    // #!import は読み込んだセルの失敗を知らせないので、失敗しうること（ビルド）はこのスクリプトで済ませておきます。
    static void WriteLoader(string root, string output)
    {
        var lines = new List<string> { "#!meta", "", "{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}", "", "#!csharp", "" };
        lines.AddRange(Projects(root).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)
            .Select(name => Path.Combine(output, name + ".dll")).Where(File.Exists).Select(dll => $"#r \"{dll}\""));
        lines.AddRange(Namespaces.Select(name => $"using {name};"));
        lines.Add("");
        lines.Add("Console.WriteLine(\"ヘルパーライブラリを読み込みました。これでレッスンのコードを実行できます。\");");
        var text = string.Join("\n", lines) + "\n";
        var path = Path.Combine(output, "load.dib");
        if (!File.Exists(path) || File.ReadAllText(path) != text) File.WriteAllText(path, text);
    }

    static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Workshop.sln"))) return folder.FullName;
        throw new InvalidOperationException(
            $"リポジトリが見つかりません（{Environment.CurrentDirectory} から上に Workshop.sln がありません）。ノートブックはリポジトリの notebooks/ フォルダーで開いてください。");
    }

    // ライブラリのプロジェクトと、それが参照するプロジェクト（bin と obj を除く）と共通のビルド設定の、ファイル名・サイズ・更新時刻から作る指紋。
    // どれかが変わればビルドし直します。
    static string Fingerprint(string root)
    {
        var inputs = Projects(root).Select(Path.GetDirectoryName).Distinct()
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(path => !Path.GetRelativePath(folder!, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" }.Select(name => Path.Combine(root, name)).Where(File.Exists))
            .Order(StringComparer.Ordinal)
            .Select(path => new FileInfo(path))
            .Select(file => $"{Path.GetRelativePath(root, file.FullName)}|{file.Length}|{file.LastWriteTimeUtc.Ticks}");
        var text = string.Join("\n", inputs.Prepend(Project));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    // ライブラリのプロジェクトと、<ProjectReference> でたどれるすべてのプロジェクト（.csproj のフルパス）。
    static IReadOnlyCollection<string> Projects(string root)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([Path.GetFullPath(Path.Combine(root, Project))]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current)) continue;
            var folder = Path.GetDirectoryName(current)!;
            foreach (Match reference in Regex.Matches(File.ReadAllText(current), "<ProjectReference\\s+Include=\"([^\"]+)\""))
                pending.Push(Path.GetFullPath(Path.Combine(folder, reference.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar))));
        }
        return seen;
    }

    // 指紋が同じで、ライブラリと参照先の dll がすべてそろっているときだけビルド済みとみなします（途中で止まったビルドは指紋だけを残すことがあります）。
    static bool IsBuilt(string root, string output, string fingerprint)
    {
        var stamp = Path.Combine(output, "fingerprint.txt");
        return File.Exists(stamp) && File.ReadAllText(stamp) == fingerprint
            && Projects(root).All(project => File.Exists(Path.Combine(output, Path.GetFileNameWithoutExtension(project) + ".dll")));
    }

    // 同時に開いた別のノートブック（別のカーネル）と同時にビルドしないための鍵。
    static FileStream WaitForLock(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    static void Build(string root, string output, string fingerprint)
    {
        // 途中で止まった以前のビルドの残りを片付けます（鍵を持っているので、ほかのビルドは動いていません）。
        foreach (var leftover in Directory.EnumerateDirectories(Path.GetDirectoryName(output)!, Path.GetFileName(output) + ".*-*"))
        {
            try { Directory.Delete(leftover, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        var staging = $"{output}.new-{Guid.NewGuid():N}";
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // 依存パッケージの dll もいっしょに出力し（CopyLocalLockFileAssemblies）、ビルドサーバーは残しません。
        foreach (var argument in new[] { "build", Project, "--output", staging, "--nologo", "--disable-build-servers",
                     "-p:CopyLocalLockFileAssemblies=true" })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var tail = string.Join("\n", (log + errors.Result).Split('\n').Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(20));
            throw new InvalidOperationException($"ヘルパーライブラリのビルドに失敗しました（dotnet build {Project}、終了コード {process.ExitCode}）。\n{tail}");
        }

        // ネイティブライブラリ（SQLite など）をこのマシン用のものだけ dll の隣に置きます。カーネルはそこから読み込みます。
        var native = Path.Combine(staging, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        if (Directory.Exists(native))
            foreach (var file in Directory.EnumerateFiles(native)) File.Copy(file, Path.Combine(staging, Path.GetFileName(file)), overwrite: true);

        File.WriteAllText(Path.Combine(staging, "fingerprint.txt"), fingerprint);

        // できあがったフォルダーを入れ替えます（古いライブラリを読み込んだままのカーネルがあっても壊れないように、上書きはしません）。
        if (Directory.Exists(output))
        {
            var old = $"{output}.old-{Guid.NewGuid():N}";
            Directory.Move(output, old);
            try { Directory.Delete(old, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        Directory.Move(staging, output);
    }
}

Console.WriteLine(LessonLibrary.Prepare());
