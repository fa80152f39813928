using System.Text.Json;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// One AWS service spoken over JSON 1.1: its target prefix (for example
/// <c>AmazonEC2ContainerServiceV20141113</c>) and a table of typed operations.
/// The table only (un)marshals; what an operation does lives in the service's domain.
/// </summary>
public sealed class AwsJsonService(string targetPrefix, string signingName, JsonSerializerOptions? options = null)
{
    private readonly Dictionary<string, Func<RequestContext, JsonElement, Task<object>>> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _requestShapes = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, Action<Utf8JsonWriter, object>> _answerWriters = [];

    /// <summary>The part of <c>X-Amz-Target</c> before the dot.</summary>
    public string TargetPrefix { get; } = targetPrefix;

    /// <summary>The SigV4 service name clients sign with (<c>ecs</c>, <c>ecr</c>, <c>logs</c>).</summary>
    public string SigningName { get; } = signingName;

    /// <summary>
    /// How the service's shapes are written: <see cref="AwsJson.Options"/> (lowerCamel members, as ECS, ECR and
    /// CloudWatch Logs name them) unless the service names its members otherwise (<see cref="AwsJson.PascalCaseOptions"/>).
    /// </summary>
    public JsonSerializerOptions Options { get; } = options ?? AwsJson.Options;

    /// <summary>Names of every operation served, for discovery and tests.</summary>
    public IReadOnlyCollection<string> OperationNames => _operations.Keys;

    /// <summary>The wire shape an operation's input is read into (for discovery and tests), or null for an unknown operation.</summary>
    public Type? RequestShapeOf(string operation) => _requestShapes.GetValueOrDefault(operation);

    /// <summary>Adds an operation whose input and output are wire shapes.</summary>
    public AwsJsonService On<TRequest, TResponse>(string operation, Func<RequestContext, TRequest, Task<TResponse>> handler)
        where TRequest : class, new()
        where TResponse : class
    {
        _operations.Add(operation, async (context, body) =>
        {
            var request = Deserialize<TRequest>(body);
            return await handler(context, request).ConfigureAwait(false);
        });
        _requestShapes.Add(operation, typeof(TRequest));
        return this;
    }

    /// <summary>
    /// Adds a synchronous operation that also reads the request body as the client sent it (for rules AWS measures on
    /// the sent text, such as RunTask's 8 KiB overrides limit).
    /// </summary>
    public AwsJsonService On<TRequest, TResponse>(string operation, Func<RequestContext, TRequest, JsonElement, TResponse> handler)
        where TRequest : class, new()
        where TResponse : class
    {
        _operations.Add(operation, (context, body) => Task.FromResult<object>(handler(context, Deserialize<TRequest>(body), body)));
        _requestShapes.Add(operation, typeof(TRequest));
        return this;
    }

    /// <summary>Adds a synchronous operation.</summary>
    public AwsJsonService On<TRequest, TResponse>(string operation, Func<RequestContext, TRequest, TResponse> handler)
        where TRequest : class, new()
        where TResponse : class =>
        On<TRequest, TResponse>(operation, (context, request) => Task.FromResult(handler(context, request)));

    /// <summary>
    /// Writes the answers of type <typeparamref name="TResponse"/> with a hand-written writer instead of the general
    /// serializer (for the hot answers: the reflection serializer's own frames were a quarter of DescribeServices).
    /// The writer must produce the serializer's bytes with <see cref="Options"/> (tests compare them).
    /// </summary>
    public AwsJsonService WritesAnswer<TResponse>(Action<Utf8JsonWriter, TResponse> write) where TResponse : class
    {
        _answerWriters.Add(typeof(TResponse), (writer, answer) => write(writer, (TResponse)answer));
        return this;
    }

    /// <summary>The answer types written by a hand-written writer (for tests).</summary>
    public IReadOnlyCollection<Type> HandWrittenAnswers => _answerWriters.Keys;

    /// <summary>Writes an answer: with its hand-written writer if it has one, otherwise with the general serializer.</summary>
    public void WriteAnswer(Utf8JsonWriter writer, object answer)
    {
        if (_answerWriters.TryGetValue(answer.GetType(), out var write)) write(writer, answer);
        else WriteWithSerializer(writer, answer);
    }

    /// <summary>Writes an answer with the general serializer (what a hand-written writer must equal).</summary>
    public void WriteWithSerializer(Utf8JsonWriter writer, object answer) =>
        JsonSerializer.Serialize(writer, answer, Options.GetTypeInfo(answer.GetType()));

    /// <summary>Runs an operation on a parsed body; unknown operations and malformed shapes become AWS errors.</summary>
    public Task<object> InvokeAsync(string operation, RequestContext context, JsonElement body)
    {
        if (!_operations.TryGetValue(operation, out var invoke))
            throw AwsErrors.UnknownOperation.At($"{TargetPrefix}.{operation}");
        return invoke(context, body);
    }

    private T Deserialize<T>(JsonElement body) where T : class, new()
    {
        if (body.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return new T();
        if (body.ValueKind != JsonValueKind.Object)
            throw AwsErrors.BodyNotStructure.At();
        T request;
        try
        {
            request = body.Deserialize<T>(Options) ?? new T();
        }
        catch (JsonException e)
        {
            throw string.IsNullOrEmpty(e.Path) ? AwsErrors.UnexpectedValueType.At() : AwsErrors.UnexpectedValueTypeAt.At(e.Path.TrimStart('$', '.'));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NotSupportedException)
        {
            throw AwsErrors.UnexpectedValue.At();
        }
        if (DenseCollections.FirstNull(request, Options) is { } at)
            throw AwsErrors.UnexpectedNull.At(at);
        return request;
    }
}
