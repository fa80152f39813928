using EcsWorkshop.Classroom.Activity;
using EcsWorkshop.Classroom.Resources;
using EcsWorkshop.Display.Formatting;

namespace EcsWorkshop.Classroom.Dashboard;

/// <summary>A learner's last AWS error, with the workbook's Japanese explanation of it (the catalogue's one-line title).</summary>
public sealed record LastErrorView(string Service, string Operation, string Code, string Message, JapaneseText Explanation, bool Explained, DateTimeOffset At);

/// <summary>
/// One row of the dashboard: one learner. <paramref name="Lesson"/> is the lesson's id, <paramref name="LessonTitle"/>
/// its Japanese title (the id when no title is known); <paramref name="ChecksPassed"/> counts every self-check passed,
/// the exercises' own (<paramref name="ExercisesPassed"/>) among them.
/// </summary>
public sealed record LearnerRow(
    string Name,
    string AccountId,
    string? Lesson,
    string? LessonTitle,
    int ChecksPassed,
    int ExercisesPassed,
    CheckResult? LastCheck,
    RunningResources Resources,
    LastErrorView? LastError,
    Stuck? Stuck,
    DateTimeOffset? LastActivityAt);

/// <summary>How many learners have each lesson open (in lesson order; learners who reported none are not counted here), with the lesson's title.</summary>
public sealed record LessonCount(string Lesson, string Title, int Learners);

/// <summary>The line above the table: how many learners, how many stuck, how many in each lesson, how many not started.</summary>
public sealed record ClassroomSummary(int Learners, int Stuck, int NotStarted, IReadOnlyList<LessonCount> ByLesson);

/// <summary>The whole dashboard at one moment: stuck learners first (longest stuck first), then the roster's order.</summary>
public sealed record ClassroomView(DateTimeOffset At, ClassroomSummary Summary, IReadOnlyList<LearnerRow> Rows);
