namespace EcsWorkshop.Waiting;

/// <summary>
/// Tells what a wait sees, once per change: to <see cref="IProgress{T}"/> when one is given, else as a line on the
/// session's output (nothing when there is none).
/// </summary>
internal sealed class ChangeReporter<T>(Func<T, string> line, IProgress<T>? progress, TextWriter? output)
{
    private string? _last;

    public void Saw(T value)
    {
        var text = line(value);
        if (text == _last) return;
        _last = text;
        if (progress is not null) progress.Report(value);
        else output?.WriteLine(text);
    }
}
