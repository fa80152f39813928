using System.Globalization;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Simulator.Integration.StandIns;

/// <summary>
/// The web server a simulated container runs, when its command starts BusyBox's <c>httpd</c> (directly, through
/// <c>busybox httpd</c>, or from a shell script in the image such as the sample app's <c>/start.sh</c>): the port
/// it listens on (<c>-p [IP:]PORT</c>, default 80) and its document root (<c>-h DIR</c>, default the working
/// directory). It answers a GET as that httpd does from the image's files, so a path the image lacks is a 404 on the
/// simulated runtime exactly as in the real container.
/// </summary>
public sealed partial record BusyboxHttpd(int Port, string DocumentRoot)
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "/bin/sh", "ash", "/bin/ash", "bash", "/bin/bash" };

    [GeneratedRegex(@"&&|\|\||[;&|\n]")]
    private static partial Regex CommandSeparators();

    /// <summary>
    /// The httpd the container's command line starts, read from the image where the command runs a script; null
    /// when the command is not one the simulator can read (then nothing is known of what the container serves).
    /// </summary>
    public static BusyboxHttpd? Of(IReadOnlyList<string> argv, ImageFileTree image) => Of(argv, image, depth: 0);

    private static BusyboxHttpd? Of(IReadOnlyList<string> argv, ImageFileTree image, int depth)
    {
        if (argv.Count == 0 || depth > 3) return null;
        var program = argv[0];
        if (IsHttpd(program)) return Parse(argv.Skip(1).ToList(), image.WorkingDir);
        if (Name(program) == "busybox" && argv.Count > 1 && argv[1] == "httpd") return Parse(argv.Skip(2).ToList(), image.WorkingDir);
        if (Shells.Contains(program) && argv.Count >= 3 && argv[1] == "-c") return OfScript(argv[2], image, depth);
        if (Shells.Contains(program) && argv.Count >= 2 && !argv[1].StartsWith('-')) return OfScriptFile(argv[1], image, depth);
        if (image.Find(Absolute(program, image.WorkingDir)) is { Text: { } text } && text.StartsWith("#!", StringComparison.Ordinal))
            return OfScript(text, image, depth);
        return null;
    }

    private static BusyboxHttpd? OfScriptFile(string path, ImageFileTree image, int depth) =>
        image.Find(Absolute(path, image.WorkingDir)) is { Text: { } text } ? OfScript(text, image, depth) : null;

    /// <summary>The first httpd (or script that starts one) among the script's commands.</summary>
    private static BusyboxHttpd? OfScript(string script, ImageFileTree image, int depth)
    {
        foreach (var line in script.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        foreach (var command in CommandSeparators().Split(line))
        {
            var words = command.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(Unquote).ToList();
            if (words is ["exec", .. var rest]) words = rest;
            if (words.Count == 0) continue;
            if (IsHttpd(words[0]) || Name(words[0]) == "busybox" && words.Count > 1 && words[1] == "httpd")
                return Of(words, image, depth + 1);
        }
        return null;
    }

    /// <summary>httpd's options: <c>-p [IP:]PORT</c> and <c>-h HOME</c> (others, like <c>-f</c> and <c>-v</c>, change neither).</summary>
    private static BusyboxHttpd? Parse(IReadOnlyList<string> options, string workingDir)
    {
        var port = 80;
        var home = workingDir;
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            string? Value(string flag) =>
                option == flag ? (i + 1 < options.Count ? options[++i] : null) : option.StartsWith(flag, StringComparison.Ordinal) ? option[flag.Length..] : null;
            if (option.StartsWith("-p", StringComparison.Ordinal))
            {
                var value = Value("-p");
                if (value is null || !int.TryParse(value[(value.LastIndexOf(':') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port))
                    return null;
            }
            else if (option.StartsWith("-h", StringComparison.Ordinal))
            {
                var value = Value("-h");
                if (value is null || value.Contains('$')) return null;
                home = Absolute(value, workingDir);
            }
            else if (option.StartsWith("-c", StringComparison.Ordinal) || option.StartsWith("-u", StringComparison.Ordinal) || option.StartsWith("-r", StringComparison.Ordinal))
            {
                if (option.Length == 2) i++;
            }
        }
        return new BusyboxHttpd(port, ImageFileTree.Normalize(home));
    }

    /// <summary>
    /// The folder httpd is told to serve (<c>-h</c>) when it is not there as the program starts, or null: not a
    /// directory of the image, not the working directory, and not made by a <c>mkdir</c> of the same command line or
    /// script. Real BusyBox httpd then exits with code 1 at once (checked on the dev engine with Debian's
    /// busybox-static), so the simulated container does too (<see cref="ExitForMissingDocumentRoot"/>).
    /// </summary>
    public static string? MissingDocumentRoot(IReadOnlyList<string> argv, ImageFileTree image)
    {
        if (Of(argv, image) is not { } server) return null;
        if (server.DocumentRoot == ImageFileTree.Normalize(image.WorkingDir)) return null;
        if (image.Find(server.DocumentRoot) is { Kind: ImageEntryKind.Directory }) return null;
        return MadeDirectories(argv, image, depth: 0).Contains(server.DocumentRoot) ? null : server.DocumentRoot;
    }

    /// <summary>
    /// How BusyBox httpd ends when its <c>-h</c> folder is missing: exit code 1 at once, after this line on its
    /// standard error (the folder as the simulator resolved it; httpd prints it as written).
    /// </summary>
    public static Ecs.Domain.Tasks.SimulatedExit ExitForMissingDocumentRoot(string folder) =>
        new("", 1, TimeSpan.Zero) { Output = [new Ecs.Domain.Tasks.SimulatedLine(TimeSpan.Zero, $"httpd: can't change directory to '{folder}': No such file or directory")] };

    /// <summary>Every folder the command line's or its scripts' <c>mkdir</c> commands make (with their parents).</summary>
    private static HashSet<string> MadeDirectories(IReadOnlyList<string> argv, ImageFileTree image, int depth)
    {
        var made = new HashSet<string>(StringComparer.Ordinal);
        if (argv.Count == 0 || depth > 3) return made;
        var program = argv[0];
        string? script = null;
        if (Shells.Contains(program) && argv.Count >= 3 && argv[1] == "-c") script = argv[2];
        else if (Shells.Contains(program) && argv.Count >= 2 && !argv[1].StartsWith('-')) script = image.Find(Absolute(argv[1], image.WorkingDir))?.Text;
        else if (image.Find(Absolute(program, image.WorkingDir)) is { Text: { } text } && text.StartsWith("#!", StringComparison.Ordinal)) script = text;
        if (script is null) return made;
        foreach (var line in script.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        foreach (var command in CommandSeparators().Split(line))
        {
            var words = command.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(Unquote).ToList();
            if (words is not ["mkdir", .. var arguments]) continue;
            foreach (var folder in arguments.Where(a => !a.StartsWith('-')))
            {
                var path = ImageFileTree.Normalize(Absolute(folder, image.WorkingDir));
                for (var at = path; at.Length > 1; at = at[..Math.Max(at.LastIndexOf('/'), 1)]) made.Add(at);
            }
        }
        return made;
    }

    /// <summary>
    /// The status httpd answers a GET of <paramref name="requestPath"/> with: 200 for a file of the document root, a
    /// directory with <c>index.html</c>, a directory when <c>cgi-bin/index.cgi</c> exists (httpd runs it for
    /// directories without an index page; the simulator takes the script to answer 200), or an existing script under
    /// <c>/cgi-bin/</c>; 302 for a directory asked without its trailing slash; 404 for anything else.
    /// </summary>
    public int Answer(ImageFileTree image, string requestPath)
    {
        var path = Uri.UnescapeDataString(requestPath.Split('?', 2)[0]);
        if (!path.StartsWith('/')) path = "/" + path;
        var normalized = ImageFileTree.Normalize(path);
        if (normalized.StartsWith("/cgi-bin/", StringComparison.Ordinal))
        {
            var script = string.Join('/', normalized.Split('/').Take(3));
            return image.Find(DocumentRoot + script) is { Kind: ImageEntryKind.File } ? 200 : 404;
        }
        switch (image.Find(DocumentRoot + normalized))
        {
            case { Kind: ImageEntryKind.File }:
                return 200;
            case { Kind: ImageEntryKind.Directory }:
                if (!path.EndsWith('/')) return 302;
                if (image.Find(DocumentRoot + normalized + "/index.html") is { Kind: ImageEntryKind.File }) return 200;
                return image.Find(DocumentRoot + "/cgi-bin/index.cgi") is { Kind: ImageEntryKind.File } ? 200 : 404;
            default:
                return 404;
        }
    }

    private static bool IsHttpd(string program) => Name(program) == "httpd" && !program.Contains("apache", StringComparison.Ordinal);

    private static string Name(string program) => program[(program.LastIndexOf('/') + 1)..];

    private static string Absolute(string path, string workingDir) => path.StartsWith('/') ? path : workingDir.TrimEnd('/') + "/" + path;

    private static string Unquote(string word) =>
        word.Length >= 2 && (word[0] == '"' && word[^1] == '"' || word[0] == '\'' && word[^1] == '\'') ? word[1..^1] : word;
}
