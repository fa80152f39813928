using System.Text.Json.Serialization;
using EcsWorkshop.Aws.Ecr.Model;

namespace EcsWorkshop.Aws.Ecr;

/// <summary>Source-generated JSON metadata for the ECR shapes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateRepositoryRequest))]
[JsonSerializable(typeof(CreateRepositoryResponse))]
[JsonSerializable(typeof(DescribeRepositoriesRequest))]
[JsonSerializable(typeof(DescribeRepositoriesResponse))]
[JsonSerializable(typeof(DeleteRepositoryRequest))]
[JsonSerializable(typeof(DeleteRepositoryResponse))]
[JsonSerializable(typeof(GetAuthorizationTokenRequest))]
[JsonSerializable(typeof(GetAuthorizationTokenResponse))]
[JsonSerializable(typeof(DescribeImagesRequest))]
[JsonSerializable(typeof(DescribeImagesResponse))]
[JsonSerializable(typeof(ListImagesRequest))]
[JsonSerializable(typeof(ListImagesResponse))]
[JsonSerializable(typeof(BatchDeleteImageRequest))]
[JsonSerializable(typeof(BatchDeleteImageResponse))]
[JsonSerializable(typeof(PutImageRequest))]
[JsonSerializable(typeof(PutImageResponse))]
[JsonSerializable(typeof(BatchGetImageRequest))]
[JsonSerializable(typeof(BatchGetImageResponse))]
internal sealed partial class EcrJsonContext : JsonSerializerContext;
