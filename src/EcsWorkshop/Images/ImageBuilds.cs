using EcsWorkshop.Errors;
using EcsWorkshop.Images.Building;
using EcsWorkshop.Images.Dockerfiles;
using EcsWorkshop.Images.Layout;
using EcsWorkshop.Images.Registry;

namespace EcsWorkshop.Images;

/// <summary>How <see cref="Workshop.BuildImageAsync"/> builds an image in each mode, and what a push says it uploaded.</summary>
internal static class ImageBuilds
{
    /// <summary>What the push uploaded: a blob the repository already has is skipped (docker push says "Layer already exists").</summary>
    public static string UploadNote(PushResult pushed) => pushed.UploadedCount == 0
        ? $"blob {pushed.Blobs.Length} 個 (レイヤーと設定) はどれもリポジトリにあったので、アップロードせずにマニフェストだけを登録しました。"
        : $"blob {pushed.Blobs.Length} 個 (レイヤーと設定) のうち {pushed.UploadedCount} 個 ({pushed.UploadedBytes} バイト) をアップロードし、"
          + (pushed.UploadedCount < pushed.Blobs.Length ? $"{pushed.Blobs.Length - pushed.UploadedCount} 個はすでにあったので飛ばしてから、" : "")
          + "マニフェストを登録しました。";

    /// <summary>Simulator mode: the workshop's own builder (no Docker; the same context gives the same digest), into an OCI layout.</summary>
    public static WorkshopImage WithWorkshopBuilder(string context, string repository, string tag)
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

    /// <summary>AWS mode without a Docker engine: a .NET project published at push time, else a Japanese error.</summary>
    public static WorkshopImage ForAwsWithoutDocker(string context, string repository, string tag)
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
}
