namespace EcsWorkshop.Display.Errors;

/// <summary>
/// Errors any AWS service may return: credentials and signing (real-account mode), permissions, throttling,
/// server faults, and a request the service cannot read.
/// </summary>
internal static class AwsErrorEntries
{
    private static ErrorEntry E(string id, string codes, string? pattern, string title, string happened, string why, string fix) =>
        Entry.Of(ErrorSource.Aws, id, codes, pattern, title, happened, why, fix);

    public static IEnumerable<ErrorEntry> All =>
    [
        E("unrecognized-client", "UnrecognizedClientException|InvalidClientTokenId", null,
            "アクセスキーが認識されません",
            "リクエストに使ったアクセスキー ID を AWS が知りませんでした。",
            "アクセスキーの書き間違い、削除済みのキー、別のアカウント用の設定、またはシミュレーター用のダミーの認証情報のまま AWS に接続した、などが考えられます。",
            "`aws sts get-caller-identity` で認証情報を確かめ、`aws configure` か環境変数 `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` を正しいキーにしてください。"),
        E("invalid-signature", "InvalidSignatureException|SignatureDoesNotMatch|IncompleteSignature", null,
            "リクエストの署名が合いません",
            "AWS が計算した署名と、リクエストに付いていた署名が一致しませんでした。",
            "シークレットアクセスキーの間違い、またはパソコンの時計が大きくずれていることが主な原因です。",
            "`AWS_SECRET_ACCESS_KEY` (または `~/.aws/credentials`) を確認し、パソコンの時刻を正しく合わせてください。"),
        E("expired-token", "ExpiredTokenException|ExpiredToken|RequestExpired", null,
            "認証情報の有効期限が切れています",
            "一時的な認証情報 (セッショントークン) の期限が切れていたか、リクエストの時刻が古すぎました。",
            "SSO やロールの引き受けで得た認証情報は数時間で期限が切れます。",
            "`aws sso login` などで認証情報を取り直してから、もう一度実行してください。"),
        E("access-denied", "AccessDeniedException|AccessDenied|UnauthorizedOperation", null,
            "権限がありません",
            "認証はできましたが、この操作を行う IAM の権限がありませんでした。",
            "IAM ユーザーやロールのポリシーで、この操作 (`ecs:CreateCluster` など) が許可されていません。",
            "元のメッセージに出てくるアクション名を、使っている IAM ユーザーかロールのポリシーで許可してください (管理者に依頼が必要な場合もあります)。"),
        E("missing-authentication", "MissingAuthenticationTokenException|MissingAuthenticationToken", null,
            "認証情報が付いていません",
            "リクエストに署名が付いていませんでした。",
            "AWS CLI や SDK が認証情報を見つけられなかった可能性があります。",
            "`aws configure` で認証情報を設定してください。シミュレーターでも、何かしらの値 (`test` など) が必要です。"),
        E("progress-lesson-missing", "ValidationException", @"^The progress report needs 'lesson'",
            "進捗の報告にレッスン名がありません",
            "ヘルパーがシミュレーターに送った進捗の報告 (`/_workshop/progress`) に `lesson` がありませんでした。",
            "進捗の報告には、いま開いているレッスンの名前 (`06-service` など) が必要です。",
            "`lesson` にレッスン名を入れて送り直してください。ワークブックのヘルパーから送っているなら、ヘルパーを最新にしてください。"),
        E("throttling", "ThrottlingException|Throttling|TooManyRequestsException|RequestLimitExceeded", null,
            "リクエストが多すぎます",
            "短い時間に同じ API を呼びすぎたため、AWS がリクエストを一時的に拒否しました。",
            "API ごとに 1 秒あたりの呼び出し回数に上限があります。状態を確認するループが速すぎると起こります。",
            "少し待ってからもう一度実行してください。状態を待つなら、`aws ecs wait services-stable` のような waiter を使うと間隔を空けて確認してくれます。"),
        E("server-error", "ServerException|ServiceUnavailableException|ServiceUnavailable|InternalFailure|InternalServerError", null,
            "AWS 側でエラーが起きました",
            "サービスの内部でエラーが起きたか、一時的に利用できませんでした。",
            "リクエストの内容ではなく、サービス側の一時的な問題です。",
            "少し待ってから同じ操作をもう一度実行してください。"),
        E("unknown-operation", "UnknownOperationException", null,
            "このサービスにない操作です",
            "呼び出した操作 (`X-Amz-Target`) をサービスが知りませんでした。",
            "操作名の間違いか、接続先 (`--endpoint-url`) が別のサービスを指しています。シミュレーターが対応していない操作の場合もあります。",
            "`--endpoint-url` と操作名を確認してください。"),
        E("serialization", "SerializationException", null,
            "リクエストの JSON を読めません",
            "サービスがリクエストの本文を読み取れませんでした。",
            "JSON の形が壊れているか、数値の場所に文字列を書くなど、型が合っていません。",
            "`--cli-input-json` や JSON のパラメータを見直してください (`aws ecs register-task-definition --generate-cli-skeleton` がひな形を出してくれます)。"),
        E("invalid-endpoint", "InvalidAction|InvalidEndpoint", null,
            "接続先が正しくありません",
            "リクエストが、この操作を受け付けない接続先に送られました。",
            "`--endpoint-url` の指定が別のサービスやポートを指している可能性があります。",
            "`--endpoint-url` を確認してください。シミュレーターなら `http://127.0.0.1:4566` です。"),
    ];
}
