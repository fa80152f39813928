using EcsWorkshop.Lessons.Notebooks;

namespace EcsWorkshop.Lessons.Exercises;

/// <summary>
/// An exercise of a lesson: a code cell the learner completes (its first line starts with <c>// 演習</c>), and its
/// model answer, kept in the Markdown cell right after it as a folded
/// <c>&lt;details&gt;&lt;summary&gt;模範解答&lt;/summary&gt;</c> block with one <c>```csharp</c> fence.
/// The model answer is the whole cell, written as the learner would finish it.
/// </summary>
/// <param name="Cell">The cell as committed, with its placeholders.</param>
/// <param name="ModelAnswer">The code that replaces the cell when a lesson runs with model answers.</param>
public sealed record Exercise(CodeCell Cell, string ModelAnswer);
