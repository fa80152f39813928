#!/bin/sh
# サンプルのページを作る CGI スクリプトです。httpd は、/ へのリクエストでこのスクリプトを実行します
# (www に index.html がないときは cgi-bin/index.cgi を使います)。
# タスク ID は、タスクメタデータエンドポイント v4 (ECS_CONTAINER_METADATA_URI_V4) の /task が返す TaskARN から取ります。
task_id="(タスクメタデータエンドポイントがありません)"
if [ -n "$ECS_CONTAINER_METADATA_URI_V4" ]; then
  task_arn=$(timeout 2 wget -q -O - "$ECS_CONTAINER_METADATA_URI_V4/task" 2>/dev/null \
    | sed -n 's/.*"TaskARN"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
  if [ -n "$task_arn" ]; then task_id=${task_arn##*/}; else task_id="(メタデータを読めませんでした)"; fi
fi
version=${APP_VERSION:-1}
echo "sample-web: $REQUEST_METHOD $REQUEST_URI from $REMOTE_ADDR (task $task_id, APP_VERSION $version)" >&2
cat <<HTML
Content-Type: text/html; charset=utf-8

<!DOCTYPE html>
<html lang="ja">
<head>
  <meta charset="utf-8">
  <title>ECS ワークショップ</title>
</head>
<body>
  <h1>Amazon ECS で動いています</h1>
  <p>このページは ECS ワークショップのサンプルアプリです。Fargate のタスクの中で BusyBox の httpd が返しています。</p>
  <dl>
    <dt>タスク ID</dt><dd id="task-id">$task_id</dd>
    <dt>APP_VERSION</dt><dd id="app-version">$version</dd>
  </dl>
</body>
</html>
HTML
