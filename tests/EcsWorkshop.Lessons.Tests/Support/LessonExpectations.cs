namespace EcsWorkshop.Lessons.Tests.Support;

/// <summary>
/// What each lesson must print or display when it runs against <see cref="LessonSimulator"/>, besides running
/// without a failing cell, in a notebook kernel and as a file-based app alike (so nothing the setup cell prints).
/// A lesson author adds an entry here for a new lesson.
/// </summary>
public static class LessonExpectations
{
    public static IReadOnlyList<string> For(string lessonName, LessonSimulator simulator) => lessonName switch
    {
        "00-setup" =>
        [
            $"シミュレーターのアドレス: {simulator.Endpoint}/",
            "シミュレーターの状態: ok",
            $"状態を保存しているディレクトリ: {simulator.StateDirectory}",
            "時間の速さ: 現実の 20 倍",
            "AmazonEC2ContainerRegistry_V20150921",
        ],
        "04-task-definition" =>
        [
            "タスク定義 sample-fargate:1 を登録しました",
            "arn:aws:ecs:ap-northeast-1:123456789012:task-definition/sample-fargate:1",
            "No Fargate configuration exists for given values: 256 CPU, 4096 memory.",
            "\"awslogs-group\": \"/ecs/sample-fargate\"",
            "practice-fargate:1",
            "タスク定義 sample-fargate は Fargate で動かせるか",
        ],
        _ => [],
    };
}
