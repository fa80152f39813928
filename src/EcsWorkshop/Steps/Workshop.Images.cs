using System.Diagnostics;
using EcsWorkshop.Aws;
using EcsWorkshop.Aws.Ecr.Model;
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
    /// Step: build an image from a directory with a Dockerfile. Simulator: the workshop's own builder (no Docker;
    /// deterministic). AWS mode: <c>docker build</c> when a Docker engine answers, else <c>dotnet publish
    /// -t:PublishContainer</c> for a .NET project (at push time), else a Japanese error saying neither is there.
    /// </summary>
    public Task<StepResult<WorkshopImage>> BuildImageAsync(string contextDirectory, string repository, string tag = "latest", CancellationToken cancellationToken = default) =>
        Step("イメージのビルド", async () =>
        {
            var context = Path.GetFullPath(contextDirectory);
            var image = Mode == WorkshopMode.Simulator
                ? BuildWithWorkshopBuilder(context, repository, tag)
                : await BuildForAwsAsync(context, repository, tag, cancellationToken).ConfigureAwait(false);
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
                Target = CliTarget,
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
                    await RunToolAsync("docker", ["login", "--username", login.UserName, "--password-stdin", registry], login.Password, null, null, cancellationToken).ConfigureAwait(false);
                    await RunToolAsync("docker", ["tag", image.LocalReference!, $"{uri}:{imageTag}"], null, null, null, cancellationToken).ConfigureAwait(false);
                    await RunToolAsync("docker", ["push", $"{uri}:{imageTag}"], null, null, null, cancellationToken).ConfigureAwait(false);
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
            return Result($"イメージを {uri}:{imageTag} にプッシュしました", Views.Of(described, images),
                AwsCliCommand.For("ecr", "get-login-password"),
                $"このあと `docker login --username AWS --password-stdin {registry}` と `docker push {uri}:{imageTag}` を実行するのと同じです。"
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
            SizeInBytes = built.TotalSize,
            BaseImage = built.Base.Reference,
            BaseIsStandIn = built.IsStandIn,
            LayoutDirectory = layout,
            Built = built,
        };
    }

    private static async Task<WorkshopImage> BuildForAwsAsync(string context, string repository, string tag, CancellationToken cancellationToken)
    {
        if (await ToolAnswersAsync("docker", ["info"], cancellationToken).ConfigureAwait(false))
        {
            var local = $"{repository}:{tag}";
            await RunToolAsync("docker", ["build", "-t", local, context], null, null, null, cancellationToken).ConfigureAwait(false);
            return new WorkshopImage { Kind = ImageBuildKind.Docker, ContextDirectory = context, Repository = repository, Tag = tag, LocalReference = local };
        }
        var project = Directory.Exists(context) ? Directory.GetFiles(context, "*.csproj").FirstOrDefault() : null;
        if (project is not null)
            return new WorkshopImage { Kind = ImageBuildKind.DotnetPublish, ContextDirectory = context, Repository = repository, Tag = tag, LocalReference = project };
        throw WorkshopStepException.Workshop("イメージのビルド", "NoImageBuilder", "イメージをビルドする方法がありません",
            "Docker エンジンが応答せず、ビルドコンテキストに .NET のプロジェクト (`*.csproj`) もありません。",
            "AWS で動かすイメージは、Docker (`docker build`) か .NET SDK (`dotnet publish -t:PublishContainer`) でビルドします。",
            "Docker Desktop などの Docker エンジンを起動するか、.NET のプロジェクトのディレクトリを指定してください。",
            "Neither a Docker engine nor a .NET project was found.");
    }

    private static async Task<bool> ToolAnswersAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            using var process = Process.Start(StartInfo(tool, arguments, null, null))!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(output, error).ConfigureAwait(false);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
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
