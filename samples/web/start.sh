#!/bin/sh
# サンプル Web アプリの起動スクリプト: BusyBox の httpd をポート 80 で動かします。
# ECS がタスクを止めるときに送る SIGTERM を受け取ったら、httpd を止めて終了コード 0 で終わります。
echo "sample-web: httpd をポート 80 で起動します (APP_VERSION=${APP_VERSION:-なし})"
trap 'echo "sample-web: 停止の合図 (SIGTERM) を受け取りました。終了します"; kill "$pid" 2>/dev/null; exit 0' TERM INT
httpd -f -p 80 -h /www &
pid=$!
wait "$pid"
