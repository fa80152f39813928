using System.CommandLine;
using System.Globalization;
using System.Net;
using EcsWorkshop.Cli.Classroom;
using EcsWorkshop.Simulator.Accounts;
using EcsWorkshop.Simulator.Hosting;

namespace EcsWorkshop.Cli.Commands;

/// <summary>
/// <c>workshop classroom</c>: the host's preparation for a study group. <c>init</c> writes the roster (an account and a
/// key pair per learner) and one Japanese connection card per learner.
/// </summary>
public static class ClassroomCommand
{
    /// <summary>The folder <c>init</c> writes to unless told otherwise.</summary>
    public const string DefaultFolder = "classroom";

    /// <summary>The most learners one roster holds.</summary>
    public const int MaxLearners = 500;

    public static Command Create() => new("classroom", "Prepare a classroom: one simulator for a whole study group, every learner in an account of their own.")
    {
        CreateInit(),
    };

    private static Command CreateInit()
    {
        var learners = new Option<int>("--learners") { Description = "How many learners (each gets an account, a key pair and a connection card).", Required = true };
        var output = new Option<string>("--out") { Description = "The folder to write roster.csv and cards/ to.", DefaultValueFactory = _ => DefaultFolder };
        var endpoint = new Option<string?>("--endpoint")
        {
            Description = $"The room's simulator as learners reach it (default: http://<this machine's name>:{SimulatorOptions.DefaultPort}; the cards then ask the host to announce it).",
        };
        var force = new Option<bool>("--force") { Description = "Replace an existing roster (its keys stop working) and its cards." };
        var command = new Command("init", "Write a roster (roster.csv) and a Japanese connection card per learner.") { learners, output, endpoint, force };
        command.SetAction(parse => Init(parse.GetValue(learners), parse.GetValue(output)!, parse.GetValue(endpoint), parse.GetValue(force)));
        return command;
    }

    private static int Init(int count, string folder, string? endpointText, bool force)
    {
        if (count is < 1 or > MaxLearners)
        {
            Console.Error.WriteLine($"--learners は 1 から {MaxLearners} までの数にしてください ({count.ToString(CultureInfo.InvariantCulture)} が指定されました)。");
            return 2;
        }
        var guessed = endpointText is null;
        Uri endpoint;
        if (endpointText is null)
        {
            endpoint = new Uri($"http://{Dns.GetHostName()}:{SimulatorOptions.DefaultPort.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint!) || endpoint.Scheme is not ("http" or "https"))
        {
            Console.Error.WriteLine($"--endpoint `{endpointText}` は URL として読めません。参加者のマシンから届くアドレスを `http://192.0.2.10:4566` の形で指定してください。");
            return 2;
        }

        var files = new ClassroomFiles(Path.GetFullPath(folder));
        if (File.Exists(files.RosterPath) && !force)
        {
            Console.Error.WriteLine($"名簿 {files.RosterPath} はもうあります。上書きすると、配った接続カードのアクセスキーが使えなくなります。"
                + "作り直すときは --force を付けるか、別のフォルダーを --out で指定してください。");
            return 2;
        }

        var roster = Roster.Generate(count);
        var cards = roster.Learners.Select(l => new ConnectionCard(l, endpoint, guessed)).ToList();
        files.Write(roster, cards);

        var first = roster.Learners[0];
        var last = roster.Learners[^1];
        var rosterArgument = Path.GetRelativePath(Environment.CurrentDirectory, files.RosterPath);
        Console.WriteLine($"参加者 {count.ToString(CultureInfo.InvariantCulture)} 人分の名簿を書きました: {files.RosterPath}");
        Console.WriteLine("  名簿と接続カードにはシークレットアクセスキーがあります。主催者の PCから外に出さないでください (読めるのはこのユーザーだけにしてあります)。");
        Console.WriteLine($"接続カード (A4 で 1 人 1 ページ): {files.HtmlCardPath(first)}{(count > 1 ? $" 〜 {Path.GetFileName(files.HtmlCardPath(last))}" : "")}");
        Console.WriteLine($"  まとめて印刷: {Path.Combine(files.CardsFolder, ClassroomFiles.AllCardsFileName)}、テキスト版: {Path.GetFileName(files.MarkdownCardPath(first))} など");
        Console.WriteLine($"教室のシミュレーターのアドレス: {endpoint.ToString().TrimEnd('/')}"
            + (guessed ? " (このマシンの名前から作りました。参加者のマシンから届かないときは --endpoint http://IPアドレス:4566 を付けて作り直すか、当日アドレスを知らせてください)" : ""));
        Console.WriteLine();
        Console.WriteLine("次に、教室のシミュレーターを起動します:");
        Console.WriteLine($"  workshop serve --classroom {rosterArgument} --host 0.0.0.0");
        Console.WriteLine($"⚠ --host 0.0.0.0 は、ポート {SimulatorOptions.DefaultPort.ToString(CultureInfo.InvariantCulture)} をこのマシンのすべてのネットワーク (LAN) に開きます。教室のネットワークだけで使い、終わったら止めてください。");
        return 0;
    }
}
