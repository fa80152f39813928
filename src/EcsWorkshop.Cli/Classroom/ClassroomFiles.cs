using System.Text;
using EcsWorkshop.Simulator.Accounts;

namespace EcsWorkshop.Cli.Classroom;

/// <summary>
/// What <c>workshop classroom init</c> writes into its folder: <c>roster.csv</c> and <c>cards/</c> (one HTML page and
/// one Markdown file per learner, and <c>all.html</c> to print every card at once). Both hold secrets: where the
/// operating system allows it, only the host's user may read them (files 600, the cards folder 700).
/// </summary>
public sealed record ClassroomFiles(string Folder)
{
    /// <summary>The roster's file name.</summary>
    public const string RosterFileName = "roster.csv";

    /// <summary>The cards' folder name.</summary>
    public const string CardsFolderName = "cards";

    /// <summary>The file with every card, one A4 page each.</summary>
    public const string AllCardsFileName = "all.html";

    public string RosterPath => Path.Combine(Folder, RosterFileName);

    public string CardsFolder => Path.Combine(Folder, CardsFolderName);

    public string HtmlCardPath(Learner learner) => Path.Combine(CardsFolder, learner.Name + ".html");

    public string MarkdownCardPath(Learner learner) => Path.Combine(CardsFolder, learner.Name + ".md");

    /// <summary>Writes the roster, then every card (the cards of an earlier roster are removed first).</summary>
    public void Write(Roster roster, IReadOnlyList<ConnectionCard> cards)
    {
        Directory.CreateDirectory(Folder);
        CreatePrivate(RosterPath);
        roster.Write(RosterPath);
        if (Directory.Exists(CardsFolder))
        {
            foreach (var old in Directory.EnumerateFiles(CardsFolder).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)))
                File.Delete(old);
        }
        else if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(CardsFolder);
        }
        else
        {
            Directory.CreateDirectory(CardsFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        foreach (var card in cards)
        {
            WritePrivate(HtmlCardPath(card.Learner), card.Html());
            WritePrivate(MarkdownCardPath(card.Learner), card.Markdown());
        }
        WritePrivate(Path.Combine(CardsFolder, AllCardsFileName), ConnectionCard.HtmlPage("全員分", cards));
    }

    private static void WritePrivate(string path, string text)
    {
        CreatePrivate(path);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    /// <summary>Creates (or empties) the file readable by its owner only before any secret goes into it.</summary>
    private static void CreatePrivate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (new FileStream(path, options))
        {
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
