using Docker.DotNet.Models;
using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Docker;
using EcsWorkshop.Errors;
using EcsWorkshop.Images;
using EcsWorkshop.Images.Registry;
using EcsWorkshop.Sessions;
using static EcsWorkshop.Errors.StepFailures;

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
                Tags = Tags.ForEcr(),
            }, cancellationToken).ConfigureAwait(false);
            _ledger.AddRepository(name);
            var view = Views.Of(response.Repository!);
            return _results.Of($"リポジトリ {name} を作成しました", view,
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
            return _results.Of($"リポジトリ {name}", Views.Of(repository, images),
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
                    ? ImageBuilds.WithWorkshopBuilder(context, repository, tag)
                    : ImageBuilds.ForAwsWithoutDocker(context, repository, tag);
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
                    await _tools.RunAsync("dotnet", ["publish", image.LocalReference!, "-t:PublishContainer", $"-p:ContainerRegistry={registry}",
                        $"-p:ContainerRepository={name}", $"-p:ContainerImageTag={imageTag}"], null,
                        new Dictionary<string, string> { ["DOTNET_CONTAINER_REGISTRY_UNAME"] = login.UserName, ["DOTNET_CONTAINER_REGISTRY_PWORD"] = login.Password },
                        image.ContextDirectory, cancellationToken).ConfigureAwait(false);
                    break;
            }
            var images = new List<ImageDetail>();
            await foreach (var detail in _aws.Ecr.DescribeAllImagesAsync(new DescribeImagesRequest { RepositoryName = name }, cancellationToken).ConfigureAwait(false))
                images.Add(detail);
            var cli = $"aws ecr get-login-password --region {Region}{(Mode == WorkshopMode.Simulator ? $" --endpoint-url {Endpoint}" : "")} | docker login --username AWS --password-stdin {registry}";
            return _results.Of($"イメージを {uri}:{imageTag} にプッシュしました", Views.Of(described, images),
                AwsCliCommand.For("ecr", "get-login-password"),
                (image.Kind == ImageBuildKind.Docker
                    ? $"Docker エンジンで `docker login` と `docker push` をしました。コマンドでは `{cli}` のあと `docker tag {image.LocalReference} {uri}:{imageTag}` と `docker push {uri}:{imageTag}` です。"
                      + (pushedDigest is null ? "" : $"`docker push` が報告したダイジェストは `{pushedDigest}` です。") + dockerNote
                    : $"このあと `docker login --username AWS --password-stdin {registry}` と `docker push {uri}:{imageTag}` を実行するのと同じです。")
                + (pushed is null ? "" : ImageBuilds.UploadNote(pushed))
                + $"タスク定義の `image` には `{uri}:{imageTag}` と書きます。",
                ExplanationTopic.EcrAuthentication, ExplanationTopic.EcrPush);
        });
}
