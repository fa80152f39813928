using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.Ecr.Registry;

/// <summary>
/// What the registry answered one <c>/v2/</c> request, for a classroom's observers: the ECR action the request
/// stands for (<see cref="RegistryActions"/>), whether its password was valid, and the refusal (null when it succeeded).
/// </summary>
public sealed record RegistryAnswer(string Action, string Method, bool Authenticated, RegistryError? Refusal)
{
    /// <summary>
    /// Whether the host's dashboard is told of this answer. Told: every answer to a push (<see cref="RegistryActions.IsPush"/>:
    /// a few requests per new layer and one per image, the learner's own act), and every other refusal (a pull of an
    /// unknown tag, a missing repository). Not told: a request without a valid password (docker's first request always
    /// gets 401 before it logs in, and an unchecked password must not name another learner's account), a <c>HEAD</c>
    /// (a push asks "is this layer already there?" for every layer, and 404 is the expected answer), the ping
    /// <c>GET /v2/</c>, and a successful pull (every task start pulls its image; that is the tasks' activity, not the
    /// learner's).
    /// </summary>
    public bool IsTold =>
        Authenticated && !HttpMethods.IsHead(Method) && Action != RegistryActions.Ping &&
        (Refusal is not null || RegistryActions.IsPush(Action));
}

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
