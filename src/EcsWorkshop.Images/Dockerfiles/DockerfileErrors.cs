namespace EcsWorkshop.Images.Dockerfiles;

/// <summary>
/// Every error a Dockerfile can cause here, in English and Japanese. Each message names the line, says what the
/// build without Docker cannot do and why, and what to do instead.
/// </summary>
internal static class DockerfileErrors
{
    private const string AwsModeEn =
        "or build the image with Docker (docker build) or the .NET SDK (dotnet publish -t:PublishContainer) in AWS mode";

    private const string AwsModeJa =
        "または AWS モードで、Docker（docker build）か .NET SDK（dotnet publish -t:PublishContainer）を使ってビルドしてください";

    private static string Where(int line) => line > 0 ? $"Dockerfile line {line}: " : "Dockerfile: ";

    private static string WhereJa(int line, string instruction) =>
        line > 0 ? $"この Dockerfile の {line} 行目の {instruction} " : $"この Dockerfile の {instruction} ";

    /// <summary>A syntax error with a detail in both languages.</summary>
    public static DockerfileException Syntax(int line, string instruction, string detail, string detailJa) =>
        new(line, instruction, DockerfileErrorKind.Syntax, Where(line) + $"{instruction}: {detail}",
            WhereJa(line, instruction) + $"を読み取れません。{detailJa}");

    public static DockerfileException Run(int line) =>
        new(line, "RUN", DockerfileErrorKind.NeedsContainer,
            Where(line) + "RUN cannot be built without Docker. RUN executes a command inside a container while the image is built, " +
            "and the simulator's build has no container to run it in. Instead, start FROM a base image that already contains what the " +
            "command would install, and COPY in files you prepared on your machine (for .NET: run dotnet publish locally and COPY its output); " +
            AwsModeEn + ".",
            WhereJa(line, "RUN") + "は、コンテナの中でコマンドを実行する必要があるため、Docker なしのビルドでは実行できません。" +
            "コマンドでインストールするはずだったものを最初から含むベースイメージを FROM に指定し、手元で用意したファイルを COPY してください" +
            "（.NET なら手元で dotnet publish を実行し、その出力を COPY します）。" + AwsModeJa + "。");

    public static DockerfileException OnBuild(int line) =>
        new(line, "ONBUILD", DockerfileErrorKind.NeedsContainer,
            Where(line) + "ONBUILD cannot be built without Docker. ONBUILD registers instructions that run later, inside a container, when " +
            "another Dockerfile builds FROM this image, and the OCI image format has no place to keep them. Remove ONBUILD and write those " +
            "instructions in the Dockerfile that uses this image; " + AwsModeEn + ".",
            WhereJa(line, "ONBUILD") + "は、このイメージを FROM に指定した別のビルドで後からコンテナの中で実行される命令を登録するもので、" +
            "Docker なしのビルドでは扱えません（OCI イメージの形式にも保存する場所がありません）。ONBUILD を取り除き、その命令はこのイメージを使う側の " +
            "Dockerfile に直接書いてください。" + AwsModeJa + "。");

    public static DockerfileException CopyFrom(int line, string instruction, string from) =>
        new(line, instruction, DockerfileErrorKind.NeedsContainer,
            Where(line) + $"{instruction} --from={from} cannot be built without Docker. It copies files out of another build stage or image, " +
            "whose files the simulator's build cannot produce (a build stage usually needs RUN, and an image's files would have to be downloaded). " +
            "Prepare the files on your machine instead (for example dotnet publish -o publish) and COPY them from the build context; " + AwsModeEn + ".",
            WhereJa(line, $"{instruction} --from={from}") + "は、別のビルドステージやイメージの中のファイルをコピーする命令です。" +
            "そのステージの中身を作るには（多くの場合 RUN のために）コンテナが必要なため、Docker なしのビルドでは実行できません。" +
            "ファイルは手元で用意して（例: dotnet publish -o publish）ビルドコンテキストから COPY してください。" + AwsModeJa + "。");

    public static DockerfileException AddUrl(int line, string url) =>
        new(line, "ADD", DockerfileErrorKind.NeedsContainer,
            Where(line) + $"ADD {url} cannot be built without Docker. ADD with a URL or Git repository downloads files during the build, " +
            "and the simulator's build only uses files from the build context, so that the same context always gives the same image. " +
            "Download the file into the build context and COPY it; " + AwsModeEn + ".",
            WhereJa(line, "ADD") + $"は、ビルド中に {url} からファイルをダウンロードする命令です。Docker なしのビルドは、同じビルドコンテキストから" +
            "いつも同じイメージを作るため、ビルドコンテキストの中のファイルだけを使います。ファイルを前もってビルドコンテキストにダウンロードし、" +
            "COPY してください。" + AwsModeJa + "。");

    public static DockerfileException CopyUrl(int line, string url) =>
        Syntax(line, "COPY", $"the source {url} is a URL; COPY copies files from the build context only (ADD downloads URLs, which the build without Docker does not do either).",
            $"コピー元 {url} は URL です。COPY はビルドコンテキストの中のファイルだけをコピーします。ファイルをビルドコンテキストに置いてください。");

    public static DockerfileException Heredoc(int line, string instruction) =>
        new(line, instruction, DockerfileErrorKind.NotSupported,
            Where(line) + $"{instruction} with a here-document (<<EOF) is not supported by the build without Docker. Put the content in a file in the build context and COPY it.",
            WhereJa(line, instruction) + "のヒアドキュメント（<<EOF）は、Docker なしのビルドでは使えません。内容をビルドコンテキストのファイルに書き、COPY してください。");

    public static DockerfileException UnknownInstruction(int line, string keyword) =>
        Syntax(line, keyword.ToUpperInvariant(), $"unknown instruction '{keyword}'. Check its spelling.",
            $"'{keyword}' という命令はありません。つづりを確認してください。");

    public static DockerfileException NoStage(int line, string keyword) =>
        Syntax(line, keyword, "no build stage: every instruction except ARG must come after a FROM.",
            "ARG 以外の命令は FROM の後に書く必要があります。最初に FROM を書いてください。");

    public static DockerfileException Empty() =>
        Syntax(0, "FROM", "the Dockerfile has no instructions; it must start with FROM.", "Dockerfile に命令がありません。FROM から書き始めてください。");

    public static DockerfileException UnknownFlag(int line, string instruction, string flag) =>
        Syntax(line, instruction, $"unknown flag --{flag}.", $"--{flag} というオプションはありません。");

    public static DockerfileException MissingArguments(int line, string instruction, string what, string whatJa) =>
        Syntax(line, instruction, what, whatJa);

    public static DockerfileException BadVariable(int line, string instruction, string detail) =>
        Syntax(line, instruction, $"a variable cannot be substituted: {detail}.", $"変数を展開できません（{detail}）。");

    public static DockerfileException BadPort(int line, string port) =>
        Syntax(line, "EXPOSE", $"'{port}' is not a port; write a number from 1 to 65535, optionally with /tcp, /udp or /sctp (80, 8080/tcp).",
            $"'{port}' はポートとして読み取れません。1〜65535 の番号に、必要なら /tcp、/udp、/sctp を付けて書いてください（例: 80、8080/tcp）。");

    public static DockerfileException BadPlatform(int line, string platform) =>
        Syntax(line, "FROM", $"'{platform}' is not a platform; write os/architecture, for example linux/amd64 or linux/arm64.",
            $"'{platform}' はプラットフォームとして読み取れません。linux/amd64 や linux/arm64 のように「OS/アーキテクチャ」で書いてください。");

    public static DockerfileException BadReference(int line, string image) =>
        Syntax(line, "FROM", $"'{image}' is not a valid image reference (repository names are lower case: nginx:alpine, public.ecr.aws/nginx/nginx:stable).",
            $"'{image}' はイメージ名として正しくありません（リポジトリ名は小文字です。例: nginx:alpine）。");

    public static DockerfileException BadChown(int line, string instruction, string chown) =>
        Syntax(line, instruction, $"--chown={chown} is not a user[:group].", $"--chown={chown} は「ユーザー[:グループ]」として読み取れません。");

    public static DockerfileException BadChmod(int line, string instruction, string chmod) =>
        Syntax(line, instruction, $"--chmod={chmod} is not an octal file mode such as 755 or 0644.",
            $"--chmod={chmod} はファイルモードとして読み取れません。755 や 0644 のように 8 進数で書いてください。");

    public static DockerfileException BadDuration(int line, string flag, string value) =>
        Syntax(line, "HEALTHCHECK", $"--{flag}={value} is not a duration such as 30s, 1m30s or 500ms (and must be at least 1ms, or 0 for the default).",
            $"--{flag}={value} は時間として読み取れません。30s、1m30s、500ms のように書いてください（1ms 以上、既定値なら 0）。");

    public static DockerfileException NotSupportedPlatform(int line, Platform platform) =>
        new(line, "FROM", DockerfileErrorKind.NotSupported,
            Where(line) + $"the platform {platform} is not supported; images built here are Linux images (ECS on Fargate runs linux/amd64 and linux/arm64).",
            WhereJa(line, "FROM") + $"のプラットフォーム {platform} には対応していません。ここでビルドできるのは Linux のイメージです（Fargate は linux/amd64 と linux/arm64 を実行します）。");

    // ---- errors found while building from the build context ------------------------------------------------------

    public static DockerfileException SourceNotFound(int line, string instruction, string source) =>
        new(line, instruction, DockerfileErrorKind.Build,
            Where(line) + $"{instruction} failed: '{source}' was not found in the build context (or it is excluded by .dockerignore). " +
            "Source paths are relative to the build context directory.",
            WhereJa(line, instruction) + $"のコピー元 '{source}' がビルドコンテキストの中に見つかりません（.dockerignore で除外されている可能性もあります）。" +
            "コピー元のパスはビルドコンテキストのディレクトリからの相対パスで書きます。");

    public static DockerfileException SourceOutsideContext(int line, string instruction, string source) =>
        new(line, instruction, DockerfileErrorKind.Build,
            Where(line) + $"{instruction} failed: '{source}' is outside the build context; only files inside the build context can be copied.",
            WhereJa(line, instruction) + $"のコピー元 '{source}' はビルドコンテキストの外にあります。コピーできるのはビルドコンテキストの中のファイルだけです。");

    public static DockerfileException DestinationNotDirectory(int line, string instruction) =>
        new(line, instruction, DockerfileErrorKind.Build,
            Where(line) + $"{instruction} copies more than one source, so the destination must be a directory and end with a /.",
            WhereJa(line, instruction) + "はコピー元が複数あるため、コピー先はディレクトリで、最後に / を付ける必要があります。");

    public static DockerfileException UnknownOwner(int line, string instruction, string name, bool standIn) =>
        new(line, instruction, DockerfileErrorKind.Build,
            Where(line) + $"{instruction} --chown: the user or group '{name}' cannot be found" +
            (standIn ? " because the base image's files (its /etc/passwd and /etc/group) are not available to the build without Docker" : " in the base image's /etc/passwd or /etc/group") +
            ". Use numeric IDs instead, for example --chown=101:101.",
            WhereJa(line, instruction) + $"の --chown で指定したユーザーまたはグループ '{name}' が見つかりません" +
            (standIn ? "（Docker なしのビルドではベースイメージのファイル /etc/passwd、/etc/group を参照できません）" : "（ベースイメージの /etc/passwd、/etc/group にありません）") +
            "。--chown=101:101 のように数値の ID で指定してください。");

    public static DockerfileException UnsupportedArchive(int line, string source, string format) =>
        new(line, "ADD", DockerfileErrorKind.NotSupported,
            Where(line) + $"ADD cannot unpack '{source}': {format} archives are not supported by the build without Docker (tar and tar.gz are). " +
            "Unpack it into the build context and COPY the files.",
            WhereJa(line, "ADD") + $"は '{source}'（{format} 形式）を展開できません。Docker なしのビルドで展開できるのは tar と tar.gz です。" +
            "ビルドコンテキストの中で展開してから COPY してください。");
}
