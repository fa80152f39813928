using EcsWorkshop.Aws.Ecr.Model;
using EcsWorkshop.Aws;
using EcsWorkshop.Display.Explanations;
using EcsWorkshop.Display.Views;
using EcsWorkshop.Errors;
using EcsWorkshop.Images.Registry;
using EcsWorkshop.Images;
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
    /// Step: build an image from a directory with a Dockerfile. Simulator: the workshop's own builder (no Docker;
    /// deterministic). AWS mode: <c>docker build</c> when a Docker engine answers, else <c>dotnet publish
    /// -t:PublishContainer</c> for a .NET project (at push time), else a Japanese error saying neither is there.
    /// </summary>
    public Task<StepResult<WorkshopImage>> BuildImageAsync(string contextDirectory, string repository, string tag = "latest", CancellationToken cancellationToken = default) =>
        Step("イメージのビルド", async () =>
        {
            var context = Path.GetFullPath(contextDirectory);
            var image = Mode == WorkshopMode.Simulator
                ? ImageBuilds.WithWorkshopBuilder(context, repository, tag)
                : await ImageBuilds.ForAwsAsync(_tools, context, repository, tag, cancellationToken).ConfigureAwait(false);
            var note = image.Kind switch
            {
                ImageBuildKind.Workshop => "Docker なしでビルドしました。同じ内容からは同じダイジェストのイメージができます。"
                    + (image.BaseIsStandIn ? $"ベースイメージ `{image.BaseImage}` はオフラインでは取得できないため、ラベル付きの代用品を使っています (シミュレーターでは動作に影響しません)。" : ""),
                ImageBuildKind.Docker => "`docker build` でビルドしました。",
                _ => "Docker がないため、プッシュのときに `dotnet publish -t:PublishContainer` でビルドとプッシュを一度に行います。",
            };
            return new StepResult<WorkshopImage>
            {
                Title = $"イメージ {repository}:{tag} をビルドしました",
                Value = image,
                Note = note,
                SeeAlso = [ExplanationTopic.EcrPush],
                Target = _results.Target,
            };
        });

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
                    await _tools.RunAsync("docker", ["login", "--username", login.UserName, "--password-stdin", registry], login.Password, null, null, cancellationToken).ConfigureAwait(false);
                    await _tools.RunAsync("docker", ["tag", image.LocalReference!, $"{uri}:{imageTag}"], null, null, null, cancellationToken).ConfigureAwait(false);
                    await _tools.RunAsync("docker", ["push", $"{uri}:{imageTag}"], null, null, null, cancellationToken).ConfigureAwait(false);
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
            return _results.Of($"イメージを {uri}:{imageTag} にプッシュしました", Views.Of(described, images),
                AwsCliCommand.For("ecr", "get-login-password"),
                $"このあと `docker login --username AWS --password-stdin {registry}` と `docker push {uri}:{imageTag}` を実行するのと同じです。"
                + (pushed is null ? "" : ImageBuilds.UploadNote(pushed))
                + $"タスク定義の `image` には `{uri}:{imageTag}` と書きます。",
                ExplanationTopic.EcrAuthentication, ExplanationTopic.EcrPush);
        });
}
