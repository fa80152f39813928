using System.Security.Cryptography;
using System.Text;
using EcsWorkshop.Facts.Simulator;

namespace EcsWorkshop.Simulator.Accounts;

/// <summary>
/// The learners of a classroom, as <c>roster.csv</c> holds them (header <see cref="Header"/>, one learner per line):
/// each with a 12-digit account id and an access key pair of their own, none shared with another learner.
/// </summary>
public sealed class Roster
{
    /// <summary>The first line of every roster file.</summary>
    public const string Header = "name,accountId,accessKeyId,secretAccessKey";

    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private readonly Dictionary<string, Learner> _byAccessKey;

    /// <summary>A roster of <paramref name="learners"/>; refused when a name, account id or access key id repeats or is malformed.</summary>
    public Roster(IReadOnlyList<Learner> learners)
    {
        for (var i = 0; i < learners.Count; i++) Check(learners[i], i + 2);
        Unique(learners, l => l.Name, "名前 (name)");
        Unique(learners, l => l.AccountId, "アカウント ID (accountId)");
        Unique(learners, l => l.AccessKeyId, "アクセスキー ID (accessKeyId)");
        Learners = learners;
        _byAccessKey = learners.ToDictionary(l => l.AccessKeyId, StringComparer.Ordinal);
    }

    /// <summary>Every learner, in the file's order.</summary>
    public IReadOnlyList<Learner> Learners { get; }

    /// <summary>The learner who signs with <paramref name="accessKeyId"/>, or null when no learner does.</summary>
    public Learner? ByAccessKey(string accessKeyId) => _byAccessKey.GetValueOrDefault(accessKeyId);

    /// <summary>
    /// A roster of <paramref name="count"/> fresh learners named <c>learner01</c>, <c>learner02</c>, …: random 12-digit
    /// account ids (never the single-learner simulator's <see cref="SimulatedAccount.Id"/>), access key ids in AWS's
    /// shape (<c>AKIA</c> and 16 characters) and 40-character secrets, all from a cryptographic random source.
    /// </summary>
    public static Roster Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var accounts = new HashSet<string>(StringComparer.Ordinal) { SimulatedAccount.Id };
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var width = Math.Max(2, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var learners = new List<Learner>(count);
        for (var i = 1; i <= count; i++)
        {
            string account;
            do account = RandomNumberGenerator.GetInt32(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + RandomText("0123456789", 11);
            while (!accounts.Add(account));
            string key;
            do key = "AKIA" + RandomText(KeyAlphabet, 16);
            while (!keys.Add(key));
            learners.Add(new Learner($"learner{i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0')}", account, key, RandomText(SecretAlphabet, 40)));
        }
        return new Roster(learners);
    }

    /// <summary>Reads a roster file; a <see cref="RosterException"/> names the line at fault.</summary>
    public static Roster Read(string path)
    {
        if (!File.Exists(path)) throw new RosterException($"名簿ファイル {path} が見つかりません。`workshop classroom init` で作成してください。");
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        if (lines.Length == 0 || lines[0].Trim().TrimStart('\uFEFF') != Header)
            throw new RosterException($"{path} の 1 行目は見出し行 `{Header}` である必要があります。");
        var learners = new List<Learner>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var fields = SplitCsv(lines[i], i + 1);
            if (fields.Count != 4)
                throw new RosterException($"{path} の {i + 1} 行目: 列が {fields.Count} 個あります。name,accountId,accessKeyId,secretAccessKey の 4 列にしてください。");
            learners.Add(new Learner(fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), fields[3].Trim()));
        }
        if (learners.Count == 0) throw new RosterException($"{path} に参加者の行がありません。");
        return new Roster(learners);
    }

    /// <summary>Writes the roster as <c>roster.csv</c> text (UTF-8, no BOM, LF line ends).</summary>
    public void Write(string path)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var l in Learners) text.Append(Csv(l.Name)).Append(',').Append(l.AccountId).Append(',').Append(l.AccessKeyId).Append(',').Append(l.SecretAccessKey).Append('\n');
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static void Check(Learner learner, int line)
    {
        if (learner.Name.Length == 0) throw new RosterException($"{line} 行目: 名前 (name) が空です。");
        if (learner.AccountId.Length != 12 || !learner.AccountId.All(char.IsAsciiDigit))
            throw new RosterException($"{line} 行目: アカウント ID「{learner.AccountId}」は 12 桁の数字にしてください。");
        if (learner.AccessKeyId.Length is < 16 or > 128 || !learner.AccessKeyId.All(char.IsAsciiLetterOrDigit))
            throw new RosterException($"{line} 行目: アクセスキー ID「{learner.AccessKeyId}」は英数字 16〜128 文字にしてください。");
        if (learner.SecretAccessKey.Length < 16)
            throw new RosterException($"{line} 行目: シークレットアクセスキーが短すぎます (16 文字以上にしてください)。");
    }

    private static void Unique(IReadOnlyList<Learner> learners, Func<Learner, string> of, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var learner in learners)
            if (!seen.Add(of(learner))) throw new RosterException($"{what}「{of(learner)}」が名簿に 2 回出てきます。参加者ごとに別の値にしてください。");
    }

    private static string RandomText(string alphabet, int length) =>
        string.Create(length, alphabet, (span, a) => { for (var i = 0; i < span.Length; i++) span[i] = a[RandomNumberGenerator.GetInt32(a.Length)]; });

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static List<string> SplitCsv(string line, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) throw new RosterException($"{lineNumber} 行目: 引用符 (\") が閉じていません。");
        fields.Add(field.ToString());
        return fields;
    }
}
