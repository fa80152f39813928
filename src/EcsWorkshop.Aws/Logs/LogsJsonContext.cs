using System.Text.Json.Serialization;
using EcsWorkshop.Aws.Logs.Model;

namespace EcsWorkshop.Aws.Logs;

/// <summary>Source-generated JSON metadata for the CloudWatch Logs shapes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateLogGroupRequest))]
[JsonSerializable(typeof(CreateLogGroupResponse))]
[JsonSerializable(typeof(DescribeLogGroupsRequest))]
[JsonSerializable(typeof(DescribeLogGroupsResponse))]
[JsonSerializable(typeof(DeleteLogGroupRequest))]
[JsonSerializable(typeof(DeleteLogGroupResponse))]
[JsonSerializable(typeof(CreateLogStreamRequest))]
[JsonSerializable(typeof(CreateLogStreamResponse))]
[JsonSerializable(typeof(DescribeLogStreamsRequest))]
[JsonSerializable(typeof(DescribeLogStreamsResponse))]
[JsonSerializable(typeof(PutLogEventsRequest))]
[JsonSerializable(typeof(PutLogEventsResponse))]
[JsonSerializable(typeof(GetLogEventsRequest))]
[JsonSerializable(typeof(GetLogEventsResponse))]
[JsonSerializable(typeof(FilterLogEventsRequest))]
[JsonSerializable(typeof(FilterLogEventsResponse))]
internal sealed partial class LogsJsonContext : JsonSerializerContext;
