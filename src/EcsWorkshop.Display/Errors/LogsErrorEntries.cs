using static EcsWorkshop.Display.Explanations.ExplanationTopic;

namespace EcsWorkshop.Display.Errors;

/// <summary>The CloudWatch Logs API errors: log groups, streams and events.</summary>
internal static class LogsErrorEntries
{
    private const string Invalid = "InvalidParameterException";

    private static ErrorEntry E(string id, string codes, string? pattern, string title, string happened, string why, string fix,
        Explanations.ExplanationTopic? topic = null) =>
        Entry.Of(ErrorSource.Logs, id, codes, pattern, title, happened, why, fix, topic);

    public static IEnumerable<ErrorEntry> All =>
    [
        E("logs-group-exists", "ResourceAlreadyExistsException", @"log group already exists",
            "ロググループはすでにあります",
            "同じ名前のロググループがすでにありました。",
            "ロググループ名はアカウントとリージョンごとに一意です。",
            "そのまま既存のロググループを使ってかまいません。",
            Awslogs),
        E("logs-stream-exists", "ResourceAlreadyExistsException", @"log stream already exists",
            "ログストリームはすでにあります",
            "同じ名前のログストリームが、このロググループにすでにありました。",
            "ログストリーム名はロググループの中で一意です。",
            "そのまま既存のログストリームに書き込んでかまいません。",
            Awslogs),
        E("logs-group-not-found", "ResourceNotFoundException", @"log group does not exist",
            "ロググループがありません",
            "指定したロググループがありませんでした。",
            "ロググループ名の間違い、別のリージョン、まだ作っていない、などが考えられます。awslogs のロググループは自動では作られません (`awslogs-create-group` を使う場合を除く)。",
            "`aws logs create-log-group --log-group-name /ecs/web` で作るか、`aws logs describe-log-groups` で名前を確認してください。",
            Awslogs),
        E("logs-stream-not-found", "ResourceNotFoundException", @"log stream does not exist",
            "ログストリームがありません",
            "指定したログストリームがこのロググループにありませんでした。",
            "awslogs のストリーム名は `プレフィックス/コンテナ名/タスクID` です。タスクがまだログを書いていないか、名前が違う可能性があります。",
            "`aws logs describe-log-streams --log-group-name グループ名` でストリーム名を確認してください。",
            Awslogs),
        E("logs-group-name-invalid", Invalid + "|ValidationException", @"^1 validation error detected: Value '(?<value>.*)' at 'logGroupName' failed to satisfy constraint",
            "ロググループ名 `{value}` は使えません",
            "ロググループ名が空か、長すぎるか、使えない文字を含んでいました。",
            "ロググループ名は 1〜512 文字で、英数字と `.`、`-`、`_`、`/`、`#` が使えます。",
            "`/ecs/web` のような名前にしてください。",
            Awslogs),
        E("logs-stream-name-invalid", Invalid + "|ValidationException", @"^1 validation error detected: Value '(?<value>.*)' at 'logStreamName' failed to satisfy constraint",
            "ログストリーム名 `{value}` は使えません",
            "ログストリーム名が空か、長すぎるか、`:` や `*` を含んでいました。",
            "ログストリーム名は 1〜512 文字で、`:` と `*` は使えません。",
            "`ecs/web/タスクID` のような名前にしてください。",
            Awslogs),
        E("logs-filter-arguments", Invalid, @"^Cannot specify both logStreamNames and logStreamNamePrefix\.",
            "ストリーム名とプレフィックスは同時に指定できません",
            "FilterLogEvents に `--log-stream-names` と `--log-stream-name-prefix` の両方がありました。",
            "どのストリームを検索するかは、名前の一覧かプレフィックスのどちらかで決めます。",
            "どちらか一方だけを指定してください。",
            Awslogs),
        E("logs-order-by", Invalid, @"^Cannot order by LastEventTime with a logStreamNamePrefix\.",
            "プレフィックスを指定したときは最終イベント時刻で並べられません",
            "DescribeLogStreams で `--order-by LastEventTime` と `--log-stream-name-prefix` を同時に使いました。",
            "プレフィックスで絞り込むときは、ストリーム名の順にしか並べられません。",
            "`--order-by` を外すか、プレフィックスを外してください。",
            Awslogs),
        E("logs-filter-pattern", Invalid, @"^Invalid filter pattern",
            "フィルターパターンが正しくありません",
            "`--filter-pattern` を解釈できませんでした。",
            "フィルターパターンは単語 (`ERROR`)、語句 (`\"connection refused\"`)、除外 (`-DEBUG`) などで書きます。",
            "`--filter-pattern ERROR` のような簡単なパターンから試してください。",
            Awslogs),
        E("logs-events-order", Invalid, @"^(Log events in a single PutLogEvents request must be in chronological order\.|The batch of log events in a single PutLogEvents request cannot span more than 24 hours\.)",
            "ログイベントの時刻の並びが正しくありません",
            "PutLogEvents で送ったイベントが時刻順になっていないか、24 時間を超える範囲にまたがっていました。",
            "1 回の PutLogEvents で送るイベントは古い順に並べ、24 時間以内に収める決まりです。",
            "イベントを時刻順に並べ、24 時間ごとに分けて送ってください。",
            Awslogs),
    ];
}
