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
        "01-container-image" =>
        [
            "イメージ sample-web:v1 をビルドしました",
            "✓ イメージのダイジェストは、マニフェストの SHA-256 です",
            "RegularFile   644  uid=0 gid=0  1970-01-01 00:00:00",
            "Dockerfile を読めませんでした",
            "演習 1: 同じ内容からは同じダイジェストになるか",
        ],
        "02-ecr" =>
        [
            "リポジトリ sample-web を作成しました",
            "/sample-web:v1 にプッシュしました",
            "✓ ECR に記録されたダイジェストは、ビルドしたイメージのダイジェストと同じです",
            "ユーザー名: AWS",
            "エラーコード: RepositoryAlreadyExistsException",
            "エラーコード: RepositoryNotFoundException",
            "演習 1: 2 つのタグが 1 つのイメージを指しているか",
        ],
        _ => [],
    };
}
