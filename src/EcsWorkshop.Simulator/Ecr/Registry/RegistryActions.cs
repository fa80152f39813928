using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>
/// The ECR actions the registry's requests stand for: the IAM actions ECR asks of a docker push
/// (<c>ecr:InitiateLayerUpload</c>, <c>ecr:UploadLayerPart</c>, <c>ecr:CompleteLayerUpload</c>, <c>ecr:PutImage</c>,
/// with <c>ecr:BatchCheckLayerAvailability</c>) and a pull (<c>ecr:BatchGetImage</c>, <c>ecr:GetDownloadUrlForLayer</c>),
/// so the dashboard names a failed <c>docker push</c> the way ECR's documentation and IAM policies do.
/// </summary>
public static class RegistryActions
{
    /// <summary>The service the registry's answers are told under.</summary>
    public const string Service = "ecr";

    public const string Ping = "Ping";
    public const string ListImages = "ListImages";
    public const string BatchGetImage = "BatchGetImage";
    public const string PutImage = "PutImage";
    public const string BatchDeleteImage = "BatchDeleteImage";
    public const string GetDownloadUrlForLayer = "GetDownloadUrlForLayer";
    public const string BatchCheckLayerAvailability = "BatchCheckLayerAvailability";
    public const string InitiateLayerUpload = "InitiateLayerUpload";
    public const string UploadLayerPart = "UploadLayerPart";
    public const string CompleteLayerUpload = "CompleteLayerUpload";

    /// <summary>True for the requests of a push (uploading layers and putting the manifest).</summary>
    public static bool IsPush(string action) =>
        action is InitiateLayerUpload or UploadLayerPart or CompleteLayerUpload or PutImage;

    /// <summary>The action of a request to <paramref name="target"/> with <paramref name="method"/>.</summary>
    public static string Of(RegistryPath.Kind target, string method) => target switch
    {
        RegistryPath.Kind.Base => Ping,
        RegistryPath.Kind.Tags => ListImages,
        RegistryPath.Kind.Manifest when HttpMethods.IsPut(method) => PutImage,
        RegistryPath.Kind.Manifest when HttpMethods.IsDelete(method) => BatchDeleteImage,
        RegistryPath.Kind.Manifest => BatchGetImage,
        RegistryPath.Kind.Blob when HttpMethods.IsHead(method) => BatchCheckLayerAvailability,
        RegistryPath.Kind.Blob => GetDownloadUrlForLayer,
        RegistryPath.Kind.Uploads => InitiateLayerUpload,
        RegistryPath.Kind.Upload when HttpMethods.IsPut(method) => CompleteLayerUpload,
        _ => UploadLayerPart,
    };
}
