using System.Net;

namespace EcsWorkshop.Images.Registry;

/// <summary>A request body streamed from part of a seekable stream (a blob file, or a chunk of it).</summary>
internal sealed class StreamSliceContent(Func<Stream> open, long offset, long length) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = open();
        source.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[Math.Min(1 << 16, Math.Max(1, length))];
        var remaining = length;
        while (remaining > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
            if (read == 0) throw new EndOfStreamException("The blob ended before its declared size.");
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            remaining -= read;
        }
    }

    protected override bool TryComputeLength(out long computed)
    {
        computed = length;
        return true;
    }
}
