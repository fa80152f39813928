namespace EcsWorkshop.Classroom.Dashboard;

/// <summary>
/// The lessons' Japanese titles by lesson id (<c>06-service</c> → <c>06. サービスを作る</c>), as the dashboard shows
/// them. The titles are the notebooks' own first headings (the CLI reads them with the lessons' loader when it starts
/// a room); an id with no title (a lesson the notebooks do not have, or a room started outside the repository) is
/// shown as it is.
/// </summary>
public sealed class LessonTitles
{
    private readonly IReadOnlyDictionary<string, string> _byLesson;

    /// <summary>Titles for the lessons in <paramref name="byLesson"/> (id → title).</summary>
    public LessonTitles(IReadOnlyDictionary<string, string> byLesson) =>
        _byLesson = byLesson.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>No titles: every lesson is shown by its id.</summary>
    public static LessonTitles None { get; } = new(new Dictionary<string, string>());

    /// <summary>How many lessons have a title.</summary>
    public int Count => _byLesson.Count;

    /// <summary>The title of <paramref name="lesson"/>, or the id itself when no title is known.</summary>
    public string Of(string lesson) => _byLesson.TryGetValue(lesson, out var title) && title.Length > 0 ? title : lesson;
}
