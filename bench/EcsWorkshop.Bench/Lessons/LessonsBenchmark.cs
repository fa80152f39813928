using EcsWorkshop.Bench.Reporting;

namespace EcsWorkshop.Bench.Lessons;

/// <summary>
/// The lessons' wall time: a placeholder until <c>workshop run</c> exists (a later issue). It measures nothing and
/// reports no figure; it says so.
/// </summary>
public static class LessonsBenchmark
{
    /// <summary>Why there is no figure yet.</summary>
    public const string NotYetMeasured =
        "Not measured yet: the lessons' wall time is measured once `workshop run` (which runs the lessons) exists, in a later issue.";

    public static BenchReport Report() => new(
        "lessons", "Lessons: wall time of a full run",
        "How long `workshop run` takes to run every lesson against the simulator.",
        [new ResultTable("Lessons", "Lesson", "Wall s").Add("(all lessons)", null)],
        [NotYetMeasured]);
}
