using System.Diagnostics;
using EcsWorkshop.Aws;
using Docker.DotNet;
using Docker.DotNet.Models;
using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Docker;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Errors;
using EcsWorkshop.Images;
using EcsWorkshop.Images.Building;
using EcsWorkshop.Images.Dockerfiles;
using EcsWorkshop.Images.Layout;
using EcsWorkshop.Images.Registry;

namespace EcsWorkshop;

public sealed partial class Workshop
{
    /// <summary>Step: create an ECR repository (<c>aws ecr create-repository</c>), tagged and remembered for cleanup.</summary>
    public Task<StepResult<RepositoryView>> CreateRepositoryAsync(string name, CancellationToken cancellationToken = default) =>
        Step("ECR リポジトリの作成", async () =>
        {
            var response = await _aws.Ecr.CreateRepositoryAsync(new CreateRepositoryRequest
            {
                RepositoryName = name,
                Tags = [.. Tags.Pairs.Select(p => new EcrTag(p.Key, p.Value))],
            }, cancellationToken).ConfigureAwait(false);
            _ledger.AddRepository(name);
            var view = Views.Of(response.Repository!);
            return Result($"リポジトリ {name} を作成しました", view,
                AwsCliCommand.For("ecr", "create-repository").With("repository-name", name),
                $"`repositoryUri` (`{view.Uri}`) がイメージの名前になります。タスク定義の `image` には `{view.Uri}:タグ` と書きます。",
                ExplanationTopic.EcrRepository);
        });

    /// <summary>Step: a repository and its images (<c>aws ecr describe-images</c>).</summary>
    public Task<StepResult<RepositoryView>> DescribeRepositoryAsync(string name, CancellationToken cancellationToken = default) =>
        Step("ECR リポジトリの確認", async () =>
        {
            var repository = (await _aws.Ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] }, cancellationToken).ConfigureAwait(false)).Repositories![0];
            var images = new List<ImageDetail>();
            await foreach (var image in _aws.Ecr.DescribeAllImagesAsync(new DescribeImagesRequest { RepositoryName = name }, cancellationToken).ConfigureAwait(false))
                images.Add(image);
            return Result($"リポジトリ {name}", Views.Of(repository, images),
                AwsCliCommand.For("ecr", "describe-images").With("repository-name", name),
                "プッシュしたイメージのタグとダイジェスト (`sha256:…`) が並びます。", ExplanationTopic.EcrRepository);
        });

    /// <summary>
    /// Step: build an image from a directory with a Dockerfile. With a Docker engine (the simulator runs tasks on
    /// Docker, or AWS mode and an engine answers): <c>docker build</c> through the Engine API, its output printed as
    /// it comes; the sample's base is the published busybox, or one made locally from busybox-static when the engine
    /// cannot pull it. Without Docker: the workshop's own builder (deterministic; <c>RUN</c> is refused; the base is a
    /// labelled stand-in), or in AWS mode <c>dotnet publish -t:PublishContainer</c> for a .NET project (at push time).
    /// </summary>
    public Task<StepResult<WorkshopImage>> BuildImageAsync(string contextDirectory, string repository, string tag = "latest", CancellationToken cancellationToken = default) =>
        Step("イメージのビルド", async () =>
        {
            var context = Path.GetFullPath(contextDirectory);
            var engine = await BuildEngineAsync(cancellationToken).ConfigureAwait(false);
            var image = engine is not null
                ? await BuildWithDockerAsync(engine, context, repository, tag, cancellationToken).ConfigureAwait(false)
                : Mode == WorkshopMode.Simulator
                    ? BuildWithWorkshopBuilder(context, repository, tag)
                    : BuildForAwsWithoutDocker(context, repository, tag);
            var note = image.Kind switch
            {
                ImageBuildKind.Workshop => "Docker なしで、ワークショップのビルダーでビルドしました (Docker のない環境のためのビルダーです)。同じ内容からは同じダイジェストのイメージができます。"
                    + (image.BaseIsStandIn ? $"ベースイメージ `{image.BaseImage}` はこのビルダーでは取得しないため、ラベル付きの代用品を使っています (コンテナを実際には動かさないシミュレーターでは、動作に影響しません)。" : ""),
                ImageBuildKind.Docker => "Docker エンジンで `docker build` と同じビルドをしました。"
                    + (image.BaseMadeLocally
                        ? $"ベースイメージは、公開イメージ `{LocalBaseImage.PublishedReference}` を取得できなかったため、Debian の busybox-static から手元で作った `{LocalBaseImage.Reference}` です (ラベル `{LocalBaseImage.MadeLocallyLabel}`)。"
                        : image.BaseImage is null ? "" : $"ベースイメージは `{image.BaseImage}` です。")
                    + "ダイジェストは、プッシュのときに `docker push` がマニフェストを作って決まります。",
                _ => "Docker がないため、プッシュのときに `dotnet publish -t:PublishContainer` でビルドとプッシュを一度に行います。",
            };
            return new StepResult<WorkshopImage>
            {
                Title = $"イメージ {repository}:{tag} をビルドしました",
                Value = image,
                Note = note,
                SeeAlso = [ExplanationTopic.EcrPush],
                Target = CliTarget,
            };
        });

    /// <summary>
    /// The Docker engine builds and pushes go to, or null for the Docker-free paths: as <see cref="WorkshopOptions.ImageBuilder"/>
    /// says; by default, in the simulator an engine when the simulator runs tasks on Docker, in AWS mode an engine when one answers.
    /// </summary>
    internal async Task<DockerEngine?> BuildEngineAsync(CancellationToken cancellationToken)
    {
        switch (_options.ImageBuilder)
        {
            case ImageBuilderChoice.Workshop when Mode == WorkshopMode.Simulator:
                return null;
            case ImageBuilderChoice.Docker:
                return await EngineAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw WorkshopStepException.Workshop("イメージのビルド", "NoDockerEngine", "Docker エンジンが応答しません",
                        $"`{DockerEngine.EndpointFromEnvironment()}` で Docker エンジンが応答しませんでした。", "このセッションは Docker でビルドするように設定されています。",
                        "Docker を起動するか、環境変数 `DOCKER_HOST` でエンジンの場所を指定してください。", "No Docker engine answered.");
        }
        if (Mode == WorkshopMode.Simulator && await SimulatorRuntime.ReadAsync(Endpoint!, cancellationToken).ConfigureAwait(false) != SimulatorRuntime.Docker)
            return null;
        return await EngineAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The session's Docker engine (connected once), or null when none answers.</summary>
    internal async Task<DockerEngine?> EngineAsync(CancellationToken cancellationToken)
    {
        if (_engineLookedUp) return _engine;
        _engine = await DockerEngine.TryConnectAsync(_options.DockerEndpoint, cancellationToken).ConfigureAwait(false);
        _engineLookedUp = true;
        return _engine;
    }

    /// <summary>
    /// Makes the sample's offline base image (<c>ecs-workshop/busybox:local</c>, from Debian's busybox-static) in
    /// the Docker engine unless it is there, through the Engine API; what the build printed (nothing when it was there).
    /// </summary>
    public async Task<StepResult<string>> PrepareLocalBaseImageAsync(CancellationToken cancellationToken = default)
    {
        var engine = await EngineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw WorkshopStepException.Workshop("ベースイメージの準備", "NoDockerEngine", "Docker エンジンが応答しません",
                $"`{DockerEngine.EndpointFromEnvironment()}` で Docker エンジンが応答しませんでした。", "ベースイメージは Docker エンジンの中に作ります。",
                "Docker を起動するか、環境変数 `DOCKER_HOST` でエンジンの場所を指定してください。", "No Docker engine answered.");
        var output = await LocalBaseImage.EnsureAsync(engine.Client, cancellationToken).ConfigureAwait(false);
        return new StepResult<string>
        {
            Title = output.IsEmpty ? $"ベースイメージ {LocalBaseImage.Reference} はすでにあります" : $"ベースイメージ {LocalBaseImage.Reference} を作りました",
            Value = LocalBaseImage.Reference,
            Note = $"Debian の busybox-static (`{LocalBaseImage.BusyBoxPath}`) から手元で作ったベースイメージです。公開イメージ `{LocalBaseImage.PublishedReference}` の代わりに使います。",
            Target = CliTarget,
        };
    }

    /// <summary>
    /// Step: push a built image to the repository (ECR login with GetAuthorizationToken, then the registry
    /// protocol), as <c>aws ecr get-login-password | docker login …</c> and <c>docker push</c> do.
    /// </summary>
    public Task<StepResult<RepositoryView>> PushImageAsync(WorkshopImage image, string? repository = null, string? tag = null, CancellationToken cancellationToken = default) =>
        Step("イメージのプッシュ", async () =>
        {
            var name = repository ?? image.Repository;
            var imageTag = tag ?? image.Tag;
            var described = (await _aws.Ecr.DescribeRepositoriesAsync(new DescribeRepositoriesRequest { RepositoryNames = [name] }, cancellationToken).ConfigureAwait(false)).Repositories![0];
            var uri = described.RepositoryUri!;
            var registry = uri[..uri.IndexOf('/')];
            var login = await _aws.Ecr.GetRegistryLoginAsync(cancellationToken).ConfigureAwait(false);
            PushResult? pushed = null;
            string? pushedDigest = null;
            string? dockerNote = null;
            switch (image.Kind)
            {
                case ImageBuildKind.Workshop:
                    using (var client = new RegistryClient(new RegistryClientOptions { Credentials = new RegistryCredentials(login.UserName, login.Password) }))
                    {
                        try
                        {
                            pushed = await client.PushAsync(image.Built!, $"{uri}:{imageTag}", cancellationToken).ConfigureAwait(false);
                        }
                        catch (RegistryException e)
                        {
                            throw WorkshopStepException.Workshop("イメージのプッシュ", e.Code ?? "RegistryError", "レジストリへのプッシュに失敗しました",
                                e.JapaneseMessage, "レジストリがイメージを受け付けませんでした。", "リポジトリ名とタグ、ログインを確認して、もう一度プッシュしてください。", e.Message, e);
                        }
                    }
                    break;
                case ImageBuildKind.Docker:
                    (pushedDigest, dockerNote) = await PushWithDockerAsync(image, registry, $"{uri}:{imageTag}", login.UserName, login.Password, cancellationToken).ConfigureAwait(false);
                    if (imageTag == image.Tag && name == image.Repository) image.Digest = pushedDigest;
                    break;
                case ImageBuildKind.DotnetPublish:
                    await RunToolAsync("dotnet", ["publish", image.LocalReference!, "-t:PublishContainer", $"-p:ContainerRegistry={registry}",
                        $"-p:ContainerRepository={name}", $"-p:ContainerImageTag={imageTag}"], null,
                        new Dictionary<string, string> { ["DOTNET_CONTAINER_REGISTRY_UNAME"] = login.UserName, ["DOTNET_CONTAINER_REGISTRY_PWORD"] = login.Password },
                        image.ContextDirectory, cancellationToken).ConfigureAwait(false);
                    break;
            }
            var images = new List<ImageDetail>();
            await foreach (var detail in _aws.Ecr.DescribeAllImagesAsync(new DescribeImagesRequest { RepositoryName = name }, cancellationToken).ConfigureAwait(false))
                images.Add(detail);
            var cli = $"aws ecr get-login-password --region {Region}{(Mode == WorkshopMode.Simulator ? $" --endpoint-url {Endpoint}" : "")} | docker login --username AWS --password-stdin {registry}";
            return Result($"イメージを {uri}:{imageTag} にプッシュしました", Views.Of(described, images),
                AwsCliCommand.For("ecr", "get-login-password"),
                (image.Kind == ImageBuildKind.Docker
                    ? $"Docker エンジンで `docker login` と `docker push` をしました。コマンドでは `{cli}` のあと `docker tag {image.LocalReference} {uri}:{imageTag}` と `docker push {uri}:{imageTag}` です。"
                      + (pushedDigest is null ? "" : $"`docker push` が報告したダイジェストは `{pushedDigest}` です。") + dockerNote
                    : $"このあと `docker login --username AWS --password-stdin {registry}` と `docker push {uri}:{imageTag}` を実行するのと同じです。")
                + (pushed is null ? "" : BlobsNote(pushed))
                + $"タスク定義の `image` には `{uri}:{imageTag}` と書きます。",
                ExplanationTopic.EcrAuthentication, ExplanationTopic.EcrPush);
        });

    // What the push uploaded: a blob the repository already has is skipped (docker push says "Layer already exists").
    private static string BlobsNote(PushResult pushed) => pushed.UploadedCount == 0
        ? $"blob {pushed.Blobs.Length} 個 (レイヤーと設定) はどれもリポジトリにあったので、アップロードせずにマニフェストだけを登録しました。"
        : $"blob {pushed.Blobs.Length} 個 (レイヤーと設定) のうち {pushed.UploadedCount} 個 ({pushed.UploadedBytes} バイト) をアップロードし、"
          + (pushed.UploadedCount < pushed.Blobs.Length ? $"{pushed.Blobs.Length - pushed.UploadedCount} 個はすでにあったので飛ばしてから、" : "")
          + "マニフェストを登録しました。";

    private static WorkshopImage BuildWithWorkshopBuilder(string context, string repository, string tag)
    {
        var layout = Path.Combine(Path.GetTempPath(), "ecs-workshop-images", $"{repository.Replace('/', '_')}-{tag}-{Guid.NewGuid():N}");
        BuiltImage built;
        try
        {
            built = ImageBuilder.Build(new ImageBuildOptions { ContextDirectory = context, OutputDirectory = layout });
            OciLayout.Write(built, layout, tag);
        }
        catch (DockerfileException e)
        {
            throw WorkshopStepException.Workshop("イメージのビルド", "DockerfileError", "Dockerfile を読めませんでした",
                e.JapaneseMessage, "ワークショップのビルダーは Docker なしで動くため、コンテナの中でコマンドを実行する命令 (`RUN`) は使えません。",
                "Dockerfile を直してもう一度ビルドしてください。", e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WorkshopStepException.Workshop("イメージのビルド", "BuildContextError", "ビルドコンテキストを読めませんでした",
                $"`{context}` から Dockerfile とファイルを読めませんでした。", "ディレクトリがないか、Dockerfile がありません。",
                "Dockerfile のあるディレクトリを指定してください。", e.Message, e);
        }
        return new WorkshopImage
        {
            Kind = ImageBuildKind.Workshop,
            ContextDirectory = context,
            Repository = repository,
            Tag = tag,
            Digest = built.Digest.ToString(),
            ImageId = built.ConfigDescriptor.Digest.ToString(),
            SizeInBytes = built.TotalSize,
            BaseImage = built.Base.Reference,
            BaseIsStandIn = built.IsStandIn,
            LayoutDirectory = layout,
            Built = built,
        };
    }

    private async Task<WorkshopImage> BuildWithDockerAsync(DockerEngine engine, string context, string repository, string tag, CancellationToken cancellationToken)
    {
        var dockerfile = Path.Combine(context, "Dockerfile");
        if (!File.Exists(dockerfile))
            throw WorkshopStepException.Workshop("イメージのビルド", "BuildContextError", "ビルドコンテキストを読めませんでした",
                $"`{context}` に Dockerfile がありません。", "`docker build` はビルドコンテキストの Dockerfile を読んでイメージを作ります。",
                "Dockerfile のあるディレクトリを指定してください。", $"Cannot find {dockerfile}.");
        var local = $"{repository}:{tag}";
        var labels = new Dictionary<string, string>(_options.DockerLabels);
        var buildArgs = new Dictionary<string, string>();
        var output = new List<string>();
        string? baseImage = null;
        var madeLocally = false;
        try
        {
            if (NamesSampleBase(File.ReadAllText(dockerfile)))
            {
                var chosen = await LocalBaseImage.ChooseAsync(engine.Client, cancellationToken).ConfigureAwait(false);
                (baseImage, madeLocally) = (chosen.Reference, chosen.MadeLocally);
                output.AddRange(chosen.Output);
                if (madeLocally) buildArgs[LocalBaseImage.BuildArgument] = LocalBaseImage.Reference;
            }
            using var archive = BuildContextArchive.Create(context);
            output.AddRange(await EngineBuild.RunAsync(engine.Client, archive, new ImageBuildParameters
            {
                Tags = [local],
                BuildArgs = buildArgs,
                Labels = labels,
                Remove = true,
                ForceRemove = true,
            }, ProgressOutput, cancellationToken).ConfigureAwait(false));
            var inspected = await engine.Client.Images.InspectImageAsync(local, cancellationToken).ConfigureAwait(false);
            var layout = Path.Combine(Path.GetTempPath(), "ecs-workshop-images", $"{repository.Replace('/', '_')}-{tag}-{Guid.NewGuid():N}");
            var saved = await ImageExport.WriteLayoutAsync(engine.Client, local, layout, tag, cancellationToken).ConfigureAwait(false);
            return new WorkshopImage
            {
                Kind = ImageBuildKind.Docker,
                ContextDirectory = context,
                Repository = repository,
                Tag = tag,
                ImageId = inspected.ID,
                SizeInBytes = inspected.Size,
                BaseImage = baseImage,
                BaseMadeLocally = madeLocally,
                BuildOutput = [.. output],
                LayoutDirectory = layout,
                LocalReference = local,
                Built = saved,
            };
        }
        catch (DockerEngineException e)
        {
            throw WorkshopStepException.Workshop("イメージのビルド", "DockerBuildFailed", "`docker build` が失敗しました",
                $"Docker エンジンがビルドを止めました: {e.Message}", "Dockerfile の命令のどれかが失敗しました。上に出ているビルドの出力の最後の行が、失敗した命令です。",
                "Dockerfile を直して、もう一度ビルドしてください。", string.Join('\n', e.Output.TakeLast(20).Append(e.Message)), e);
        }
        catch (FileNotFoundException e)
        {
            throw WorkshopStepException.Workshop("イメージのビルド", "NoBusyBox", "オフライン用のベースイメージを作れません",
                e.Message, $"公開イメージ `{LocalBaseImage.PublishedReference}` を取得できない (オフラインの) ときは、busybox-static からベースイメージを作ります。",
                "`sudo apt-get install busybox-static` でインストールするか、インターネットにつないでもう一度ビルドしてください。", e.Message, e);
        }
    }

    // The sample's Dockerfile names its base with ARG BASE_IMAGE (FROM ${BASE_IMAGE}); others are built as written.
    private static bool NamesSampleBase(string dockerfile) =>
        dockerfile.Contains($"ARG {LocalBaseImage.BuildArgument}=", StringComparison.Ordinal)
        && dockerfile.Contains($"${{{LocalBaseImage.BuildArgument}}}", StringComparison.Ordinal);

    private async Task<(string? Digest, string Note)> PushWithDockerAsync(WorkshopImage image, string registry, string target, string user, string password, CancellationToken cancellationToken)
    {
        var engine = await EngineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw WorkshopStepException.Workshop("イメージのプッシュ", "NoDockerEngine", "Docker エンジンが応答しません",
                "このイメージは Docker でビルドしましたが、いまは Docker エンジンが応答しません。", "Docker でビルドしたイメージは、Docker エンジンの中にあります。",
                "Docker を起動してから、もう一度プッシュしてください。", "No Docker engine answered.");
        var auth = new AuthConfig { Username = user, Password = password, ServerAddress = registry };
        try
        {
            // docker login: the engine checks the credentials against the registry; docker push then sends them with the push.
            await engine.Client.System.AuthenticateAsync(auth, cancellationToken).ConfigureAwait(false);
            var separator = target.LastIndexOf(':');
            await engine.Client.Images.TagImageAsync(image.LocalReference!, new ImageTagParameters { RepositoryName = target[..separator], Tag = target[(separator + 1)..] },
                cancellationToken).ConfigureAwait(false);
            var (output, digest) = await EngineBuild.PushAsync(engine.Client, target, auth, ProgressOutput, cancellationToken).ConfigureAwait(false);
            var uploaded = output.Count(l => l.EndsWith(": Pushed", StringComparison.Ordinal));
            var skipped = output.Count(l => l.EndsWith(": Layer already exists", StringComparison.Ordinal));
            return (digest, uploaded == 0
                ? $"レイヤー {skipped} 枚はどれもリポジトリにあったので (`Layer already exists`)、アップロードせずにマニフェストだけを登録しました。"
                : $"レイヤー {uploaded} 枚をアップロードし (`Pushed`)" + (skipped > 0 ? $"、{skipped} 枚はすでにあったので飛ばして (`Layer already exists`)" : "") + "、マニフェストを登録しました。");
        }
        catch (Exception e) when (e is DockerEngineException or DockerApiException)
        {
            var message = e is DockerApiException api && api.ResponseBody is { Length: > 0 } body ? body.Trim() : e.Message;
            if (message.Contains("name unknown", StringComparison.OrdinalIgnoreCase) || message.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
                throw Missing("RepositoryNotFoundException", message, "ecr", "PutImage");
            throw WorkshopStepException.Workshop("イメージのプッシュ", "DockerPushFailed", "`docker push` が失敗しました",
                $"Docker エンジンがプッシュを止めました: {message}", "レジストリがログインかイメージを受け付けませんでした。",
                "リポジトリ名とタグ、ログインを確認して、もう一度プッシュしてください。", message, e);
        }
    }

    private static WorkshopImage BuildForAwsWithoutDocker(string context, string repository, string tag)
    {
        var project = Directory.Exists(context) ? Directory.GetFiles(context, "*.csproj").FirstOrDefault() : null;
        if (project is not null)
            return new WorkshopImage { Kind = ImageBuildKind.DotnetPublish, ContextDirectory = context, Repository = repository, Tag = tag, LocalReference = project };
        throw WorkshopStepException.Workshop("イメージのビルド", "NoImageBuilder", "イメージをビルドする方法がありません",
            "Docker エンジンが応答せず、ビルドコンテキストに .NET のプロジェクト (`*.csproj`) もありません。",
            "AWS で動かすイメージは、Docker (`docker build`) か .NET SDK (`dotnet publish -t:PublishContainer`) でビルドします。",
            "Docker Desktop などの Docker エンジンを起動するか、.NET のプロジェクトのディレクトリを指定してください。",
            "Neither a Docker engine nor a .NET project was found.");
    }

    private static async Task RunToolAsync(string tool, string[] arguments, string? input, IReadOnlyDictionary<string, string>? environment, string? directory,
        CancellationToken cancellationToken)
    {
        var start = StartInfo(tool, arguments, environment, directory);
        start.RedirectStandardInput = input is not null;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var text = (await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false));
        if (process.ExitCode != 0)
            throw WorkshopStepException.Workshop("イメージのビルドとプッシュ", "ToolFailed", $"`{tool} {arguments[0]}` が失敗しました",
                $"`{tool} {arguments[0]}` が終了コード {process.ExitCode} で終わりました。", "下の出力 (原文) に理由が書かれています。",
                "出力を読んで原因を直し、もう一度実行してください。", text.Length > 2000 ? text[^2000..] : text);
    }

    private static ProcessStartInfo StartInfo(string tool, string[] arguments, IReadOnlyDictionary<string, string>? environment, string? directory)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory ?? "",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return start;
    }
}
