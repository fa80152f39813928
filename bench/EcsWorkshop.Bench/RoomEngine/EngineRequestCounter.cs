using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace EcsWorkshop.Bench.RoomEngine;

/// <summary>
/// A Unix socket in front of the Docker engine's that passes every byte through and counts what the simulator asks:
/// the HTTP requests it sends (request lines in the client-to-engine stream) and the connections it holds open.
/// Point <c>DOCKER_HOST</c> at <see cref="Endpoint"/>; disposing it closes the socket and every connection.
/// </summary>
public sealed partial class EngineRequestCounter : IAsyncDisposable
{
    private readonly string _engineSocket;
    private readonly string _path;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _requests;
    private int _open;

    public EngineRequestCounter(string engineSocket)
    {
        _engineSocket = engineSocket;
        _path = Path.Combine(Path.GetTempPath(), $"ecsw-engine-count-{Guid.NewGuid():N}.sock"[..40]);
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(_path));
        _listener.Listen(512);
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The <c>DOCKER_HOST</c> value that goes through the counter.</summary>
    public string Endpoint => $"unix://{_path}";

    /// <summary>Requests sent to the engine so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Connections to the engine open now (a waiting or streaming request holds one).</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>The engine socket's path from a <c>unix://</c> address.</summary>
    public static string SocketPath(string dockerHost) =>
        dockerHost.StartsWith("unix://", StringComparison.Ordinal) ? dockerHost["unix://".Length..] : throw new ArgumentException($"Not a Unix socket: {dockerHost}", nameof(dockerHost));

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => PassAsync(client));
        }
    }

    private async Task PassAsync(Socket client)
    {
        Interlocked.Increment(ref _open);
        using var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await engine.ConnectAsync(new UnixDomainSocketEndPoint(_engineSocket), _stop.Token).ConfigureAwait(false);
            // Either side closing ends the pair.
            await Task.WhenAny(CopyAsync(client, engine, count: true), CopyAsync(engine, client, count: false)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            client.Dispose();
            Interlocked.Decrement(ref _open);
        }
    }

    private async Task CopyAsync(Socket from, Socket to, bool count)
    {
        var buffer = new byte[64 * 1024];
        var line = new StringBuilder();
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false);
                if (read == 0) return;
                if (count) CountRequestLines(buffer.AsSpan(0, read), line);
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            try
            {
                to.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }
    }

    // Request lines ("GET /v1.41/containers/json HTTP/1.1") begin each request the client sends; bodies are JSON or tar.
    private void CountRequestLines(ReadOnlySpan<byte> bytes, StringBuilder line)
    {
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
            {
                if (RequestLine().IsMatch(line.ToString())) Interlocked.Increment(ref _requests);
                line.Clear();
            }
            else if (line.Length < 2048)
            {
                line.Append((char)b);
            }
        }
    }

    [GeneratedRegex(@"^(GET|POST|PUT|DELETE|HEAD) /\S* HTTP/1\.[01]\r?$")]
    private static partial Regex RequestLine();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        File.Delete(_path);
        _stop.Dispose();
    }
}
