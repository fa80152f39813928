using EcsWorkshop.Simulator.Ecr.Registry;

namespace EcsWorkshop.Simulator.Tests.Registry;

/// <summary>
/// Which registry answers a classroom's dashboard hears (<see cref="RegistryAnswer.IsTold"/>): a push's requests and
/// every refusal, never a probe, a successful pull, the ping or a request without a valid password.
/// </summary>
public sealed class RegistryAnswerTellingTests
{
    private static readonly RegistryError Denied = RegistryErrors.StorageLimit.Refusal();

    [Theory]
    [InlineData(RegistryPath.Kind.Uploads, "POST", true)]
    [InlineData(RegistryPath.Kind.Upload, "PATCH", true)]
    [InlineData(RegistryPath.Kind.Upload, "PUT", true)]
    [InlineData(RegistryPath.Kind.Manifest, "PUT", true)]
    [InlineData(RegistryPath.Kind.Blob, "HEAD", false)]
    [InlineData(RegistryPath.Kind.Manifest, "HEAD", false)]
    [InlineData(RegistryPath.Kind.Blob, "GET", false)]
    [InlineData(RegistryPath.Kind.Manifest, "GET", false)]
    [InlineData(RegistryPath.Kind.Tags, "GET", false)]
    [InlineData(RegistryPath.Kind.Base, "GET", false)]
    public void A_successful_answer_is_told_only_for_a_push(RegistryPath.Kind target, string method, bool told) =>
        Assert.Equal(told, new RegistryAnswer(RegistryActions.Of(target, method), method, Authenticated: true, null).IsTold);

    [Theory]
    [InlineData(RegistryPath.Kind.Upload, "PATCH", true)]
    [InlineData(RegistryPath.Kind.Manifest, "GET", true)]
    [InlineData(RegistryPath.Kind.Tags, "GET", true)]
    [InlineData(RegistryPath.Kind.Blob, "HEAD", false)]
    [InlineData(RegistryPath.Kind.Manifest, "HEAD", false)]
    public void A_refusal_is_told_unless_it_answers_a_probe(RegistryPath.Kind target, string method, bool told) =>
        Assert.Equal(told, new RegistryAnswer(RegistryActions.Of(target, method), method, Authenticated: true, Denied).IsTold);

    [Fact]
    public void Nothing_is_told_of_a_request_without_a_valid_password() =>
        Assert.False(new RegistryAnswer(RegistryActions.PutImage, "PUT", Authenticated: false, RegistryErrors.Unauthorized.Refusal()).IsTold);

    [Theory]
    [InlineData(RegistryPath.Kind.Manifest, "PUT", "PutImage")]
    [InlineData(RegistryPath.Kind.Manifest, "GET", "BatchGetImage")]
    [InlineData(RegistryPath.Kind.Manifest, "DELETE", "BatchDeleteImage")]
    [InlineData(RegistryPath.Kind.Blob, "HEAD", "BatchCheckLayerAvailability")]
    [InlineData(RegistryPath.Kind.Blob, "GET", "GetDownloadUrlForLayer")]
    [InlineData(RegistryPath.Kind.Uploads, "POST", "InitiateLayerUpload")]
    [InlineData(RegistryPath.Kind.Upload, "PATCH", "UploadLayerPart")]
    [InlineData(RegistryPath.Kind.Upload, "PUT", "CompleteLayerUpload")]
    [InlineData(RegistryPath.Kind.Tags, "GET", "ListImages")]
    public void Each_request_is_named_by_the_ECR_action_it_stands_for(RegistryPath.Kind target, string method, string action) =>
        Assert.Equal(action, RegistryActions.Of(target, method));
}
