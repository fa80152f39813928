using System.Buffers;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace EcsWorkshop.Simulator.Aws;

/// <summary>
/// Reading a JSON 1.1 request body and writing an answer, with as little copying as the wire allows: the body is
/// read once into an array of its announced length; the answer is serialised in memory into a buffer the thread
/// reuses, then written to Kestrel in one piece with its Content-Length (no chunked encoding, no flush per 16 KB).
/// </summary>
public static class AwsJsonWire
{
    // One serialisation buffer and writer per thread: serialisation is synchronous, and the bytes are copied into
    // the response before the first await, so a thread never hands its buffer to another request.
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    // Answers above this size do not keep their buffer for the next request on the thread.
    private const int KeptBufferBytes = 1 << 20;

    /// <summary>The whole request body.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length and <= int.MaxValue)
        {
            var body = new byte[length];
            var read = 0;
            while (read < body.Length)
            {
                var n = await request.Body.ReadAsync(body.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0) return body[..read];
                read += n;
            }
            return body;
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>The body as a JSON document (an empty body is <c>{}</c>); malformed JSON is AWS's SerializationException.</summary>
    public static JsonDocument Parse(byte[] body)
    {
        if (body.Length == 0) return JsonDocument.Parse("{}");
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = AwsJson.MaxRequestDepth });
        }
        catch (JsonException)
        {
            throw AwsErrors.BodyNotJson.At();
        }
    }

    /// <summary>Writes <paramref name="body"/> as the answer, with the status, the JSON 1.1 content type and its length.</summary>
    public static Task WriteAsync(HttpContext http, HttpStatusCode status, object body, Type type, JsonSerializerOptions options) =>
        WriteAsync(http, status, options, (writer, options) => JsonSerializer.Serialize(writer, body, options.GetTypeInfo(type)));

    /// <summary>Writes a service's answer (its hand-written writer when it has one), with the status, content type and length.</summary>
    public static Task WriteAsync(HttpContext http, HttpStatusCode status, object answer, AwsJsonService service) =>
        WriteAsync(http, status, service.Options, (writer, _) => service.WriteAnswer(writer, answer));

    /// <summary>How an answer's writer is set up for a service's serializer options (its encoder and depth).</summary>
    public static JsonWriterOptions WriterOptions(JsonSerializerOptions options) =>
        new() { Encoder = options.Encoder, SkipValidation = true, MaxDepth = options.MaxDepth };

    private static Task WriteAsync(HttpContext http, HttpStatusCode status, JsonSerializerOptions options, Action<Utf8JsonWriter, JsonSerializerOptions> write)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        if (_writer is not { } writer || writer.Options.Encoder != options.Encoder || writer.Options.MaxDepth != options.MaxDepth)
            _writer = writer = new Utf8JsonWriter(buffer, WriterOptions(options));
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            write(writer, options);
            writer.Flush();
            http.Response.StatusCode = (int)status;
            http.Response.ContentType = AwsJson.ContentType;
            http.Response.ContentLength = buffer.WrittenCount;
            http.Response.BodyWriter.Write(buffer.WrittenSpan);
        }
        finally
        {
            writer.Reset(Stream.Null);
            if (buffer.Capacity > KeptBufferBytes) _buffer = null;
        }
        return http.Response.BodyWriter.FlushAsync(http.RequestAborted).AsTask();
    }
}
