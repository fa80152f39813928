using System.Text;

namespace EcsWorkshop.Waiting;

/// <summary>
/// A writer that writes to whatever <see cref="Console.Out"/> is when it writes. A notebook kernel points
/// <see cref="Console.Out"/> at the running cell's output, cell by cell; a writer captured when the session started
/// would keep writing to the first cell's, so a later cell's wait would print nowhere to be seen.
/// </summary>
internal sealed class CurrentConsole : TextWriter
{
    public static CurrentConsole Out { get; } = new();

    private CurrentConsole()
    {
    }

    public override Encoding Encoding => Console.Out.Encoding;

    public override void Write(char value) => Console.Out.Write(value);

    public override void Write(string? value) => Console.Out.Write(value);

    public override void WriteLine(string? value) => Console.Out.WriteLine(value);

    public override void Flush() => Console.Out.Flush();
}
