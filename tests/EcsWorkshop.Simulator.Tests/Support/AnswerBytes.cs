using System.Buffers;
using System.Text;
using System.Text.Json;
using EcsWorkshop.Simulator.Aws;

namespace EcsWorkshop.Simulator.Tests.Support;

/// <summary>
/// An answer written both ways the JSON edge can write it: by the service's hand-written writer for its type and by
/// the general serializer. The two must be the same bytes.
/// </summary>
public static class AnswerBytes
{
    /// <summary>The answer as the JSON edge writes it (the hand-written writer when the type has one).</summary>
    public static string AsAnswered(AwsJsonService service, object answer) => Write(service, writer => service.WriteAnswer(writer, answer));

    /// <summary>The answer as the general (reflection) serializer writes it.</summary>
    public static string AsSerialized(AwsJsonService service, object answer) => Write(service, writer => service.WriteWithSerializer(writer, answer));

    /// <summary>Fails when the answer's type has a hand-written writer whose bytes differ from the serializer's.</summary>
    public static void AssertHandWrittenIsSerialized(AwsJsonService service, object answer)
    {
        if (service.HandWrittenAnswers.Contains(answer.GetType()))
            Assert.Equal(AsSerialized(service, answer), AsAnswered(service, answer));
    }

    private static string Write(AwsJsonService service, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, AwsJsonWire.WriterOptions(service.Options)))
            write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
