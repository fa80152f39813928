using System.Reflection;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Sessions;

/// <summary>The lesson a session belongs to when the lesson did not say: a file-based app is named after its lesson (<c>06-service</c>).</summary>
public static partial class LessonNames
{
    /// <summary>True for a lesson's name: two digits, a hyphen, lowercase words (<c>06-service</c>).</summary>
    public static bool IsLessonName(string? name) => name is not null && LessonPattern().IsMatch(name);

    /// <summary>The entry assembly's name when it is a lesson's (a file-based app of <c>notebooks/apps/</c>), else null.</summary>
    public static string? OfEntryAssembly() => Assembly.GetEntryAssembly()?.GetName().Name is { } name && IsLessonName(name) ? name : null;

    [GeneratedRegex("^[0-9]{2}-[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LessonPattern();
}
