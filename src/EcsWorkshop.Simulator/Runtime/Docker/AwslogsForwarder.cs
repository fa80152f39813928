using System.Globalization;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using EcsWorkshop.Simulator.Ecs.Domain.TaskDefinitions;
using EcsWorkshop.Simulator.Ecs.Domain.Tasks;
using EcsWorkshop.Simulator.Integration;
using EcsWorkshop.Simulator.Logs.Domain;

namespace EcsWorkshop.Simulator.Runtime.Docker;

/// <summary>
/// The <c>awslogs</c> log driver for a real container: follows its stdout and stderr through the engine and writes
/// each line, with the time the engine stamped on it, into <c>PREFIX/CONTAINER/TASK-ID</c> in the simulated
/// CloudWatch Logs. Ends when the container's output ends (it stopped) or when cancelled.
/// </summary>
public sealed class AwslogsForwarder(IDockerClient client, LogsEngine logs)
{
    /// <summary>Follows one container until its output ends; <paramref name="since"/> skips what was already forwarded.</summary>
    public async Task FollowAsync(EcsTask task, TaskContainer container, LogConfiguration config, string dockerId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        using var stream = await client.Containers.GetContainerLogsAsync(dockerId, new ContainerLogsParameters
        {
            Follow = true,
            ShowStdout = true,
            ShowStderr = true,
            Timestamps = true,
            Since = since?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        }, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[16 * 1024];
        var pending = new Dictionary<MultiplexedStream.TargetStream, StringBuilder>();
        var decoder = new Dictionary<MultiplexedStream.TargetStream, Decoder>();
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF) break;
            if (!pending.TryGetValue(read.Target, out var text)) pending[read.Target] = text = new StringBuilder();
            if (!decoder.TryGetValue(read.Target, out var utf8)) decoder[read.Target] = utf8 = Encoding.UTF8.GetDecoder();
            var chars = new char[Encoding.UTF8.GetMaxCharCount(read.Count)];
            text.Append(chars, 0, utf8.GetChars(buffer, 0, read.Count, chars, 0));
            var lines = TakeLines(text);
            if (lines.Count > 0) TaskLogWriter.Append(logs, task, container, config, lines);
        }
        var rest = pending.Values.Where(t => t.Length > 0).Select(t => Parse(t.ToString())).ToList();
        if (rest.Count > 0) TaskLogWriter.Append(logs, task, container, config, rest);
    }

    private static List<InputLogEvent> TakeLines(StringBuilder text)
    {
        var lines = new List<InputLogEvent>();
        var all = text.ToString();
        var start = 0;
        int newline;
        while ((newline = all.IndexOf('\n', start)) >= 0)
        {
            lines.Add(Parse(all[start..newline].TrimEnd('\r')));
            start = newline + 1;
        }
        text.Remove(0, start);
        return lines;
    }

    /// <summary>A line as the engine gives it with timestamps: <c>2026-12-06T21:00:00.123456789Z message</c>.</summary>
    internal static InputLogEvent Parse(string line)
    {
        var space = line.IndexOf(' ');
        var stamp = space > 0 ? line[..space] : line;
        var message = space > 0 ? line[(space + 1)..] : "";
        var dot = stamp.IndexOf('.');
        if (dot > 0 && stamp.EndsWith('Z') && stamp.Length - dot - 2 > 7) stamp = stamp[..(dot + 8)] + "Z";
        return DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? new InputLogEvent(at, message)
            : new InputLogEvent(DateTimeOffset.UtcNow, line);
    }
}
