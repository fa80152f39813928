using Docker.DotNet;
using Docker.DotNet.Models;
using EcsWorkshop.Docker;
using EcsWorkshop.Errors;
using EcsWorkshop.Images;
using static EcsWorkshop.Errors.StepFailures;

namespace EcsWorkshop;

/// <summary>The image steps' Docker side: which engine builds and pushes, <c>docker build</c> and <c>docker push</c> through the Engine API.</summary>
public sealed partial class Workshop
{
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
}
