using EcsWorkshop.Simulator.Errors;
using EcsWorkshop.Simulator.Aws;
using EcsWorkshop.Simulator.Tests.Support;

namespace EcsWorkshop.Simulator.Tests.Hardening;

/// <summary>
/// CloudWatch Logs timestamps are epoch milliseconds of at least 0. A negative one is a validation error; one past the
/// year 9999 (as far as a long goes) means "as late as can be", never a crash.
/// </summary>
public sealed class LogTimestampRangeTests : IDisposable
{
    private readonly SimulatedWorld _world = SimulatedWorld.WithEcrAndLogs();

    public LogTimestampRangeTests()
    {
        _world.Logs("CreateLogGroup", new { logGroupName = "/range" });
        _world.Logs("CreateLogStream", new { logGroupName = "/range", logStreamName = "s" });
        _world.Logs("PutLogEvents", new
        {
            logGroupName = "/range", logStreamName = "s",
            logEvents = new[] { new { timestamp = _world.Clock.GetUtcNow().ToUnixTimeMilliseconds(), message = "hello" } },
        });
    }

    [Fact]
    public void An_end_time_of_the_largest_long_reads_every_event()
    {
        var page = _world.Logs("GetLogEvents", new { logGroupName = "/range", logStreamName = "s", startTime = 0, endTime = long.MaxValue, startFromHead = true });

        Assert.Equal(["hello"], page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
    }

    [Fact]
    public void Filtering_from_the_largest_long_finds_nothing()
    {
        var page = _world.Logs("FilterLogEvents", new { logGroupName = "/range", startTime = long.MaxValue });

        Assert.Empty(page.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public void A_negative_start_time_is_a_validation_error()
    {
        var error = Assert.ThrowsAny<DomainError>(() =>
            _world.Logs("GetLogEvents", new { logGroupName = "/range", logStreamName = "s", startTime = -1 }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("1 validation error detected: Value '-1' at 'startTime' failed to satisfy constraint: Member must have value greater than or equal to 0", error.Message);
    }

    [Fact]
    public void An_event_at_the_largest_long_is_rejected_as_too_new()
    {
        var result = _world.Logs("PutLogEvents", new
        {
            logGroupName = "/range", logStreamName = "s",
            logEvents = new[] { new { timestamp = long.MaxValue, message = "from the far future" } },
        });

        Assert.Equal(0, result.GetProperty("rejectedLogEventsInfo").GetProperty("tooNewLogEventStartIndex").GetInt32());
    }

    public void Dispose() => _world.Dispose();
}
