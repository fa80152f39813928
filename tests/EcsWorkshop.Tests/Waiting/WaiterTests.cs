using EcsWorkshop.Waiting;
using Microsoft.Extensions.Time.Testing;

namespace EcsWorkshop.Tests.Waiting;

/// <summary>Every wait of the helper asks, pauses and gives up on the clock it was given (here a fake one, moved by hand).</summary>
public sealed class WaiterTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();
    private readonly SemaphoreSlim _asked = new(0);
    private int _answer;

    private Task<int> AskAsync(CancellationToken cancellationToken)
    {
        var answer = Interlocked.Increment(ref _answer);
        _asked.Release();
        return Task.FromResult(answer);
    }

    private async Task AskedAsync() => Assert.True(await _asked.WaitAsync(Patience), "the waiter did not ask again");

    [Fact]
    public async Task A_wait_whose_first_answer_is_the_one_waited_for_ends_without_pausing()
    {
        var waiter = new Waiter(_time, Interval, TimeSpan.FromMinutes(1));

        var outcome = await waiter.UntilAsync(AskAsync, answer => answer == 1, null, CancellationToken.None);

        Assert.True(outcome.Reached);
        Assert.Equal(1, outcome.Last);
        Assert.Equal(TimeSpan.FromMinutes(1), outcome.Limit);
    }

    [Fact]
    public async Task The_next_question_comes_only_when_the_interval_has_passed_on_the_clock()
    {
        var waiter = new Waiter(_time, Interval, TimeSpan.FromMinutes(1));
        var waiting = waiter.UntilAsync(AskAsync, answer => answer == 2, null, CancellationToken.None);
        await AskedAsync();

        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _asked.CurrentCount);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await AskedAsync();

        var outcome = await waiting;
        Assert.True(outcome.Reached);
        Assert.Equal(2, outcome.Last);
    }

    [Fact]
    public async Task A_wait_gives_up_with_the_last_answer_when_its_limit_passes_on_the_clock()
    {
        var waiter = new Waiter(_time, Interval, TimeSpan.FromMinutes(1));
        var waiting = waiter.UntilAsync(AskAsync, _ => false, TimeSpan.FromSeconds(1), CancellationToken.None);

        for (var question = 1; question <= 5; question++)
        {
            await AskedAsync();
            if (question < 5) _time.Advance(Interval);
        }

        var outcome = await waiting;
        Assert.False(outcome.Reached);
        Assert.Equal(5, outcome.Last);
        Assert.Equal(TimeSpan.FromSeconds(1), outcome.Limit);
    }

    [Fact]
    public async Task The_last_pause_is_cut_short_so_the_last_question_is_asked_at_the_limit()
    {
        var waiter = new Waiter(_time, Interval, TimeSpan.FromMinutes(1));
        var waiting = waiter.UntilAsync(AskAsync, _ => false, TimeSpan.FromMilliseconds(300), CancellationToken.None);
        await AskedAsync();
        _time.Advance(Interval);
        await AskedAsync();

        _time.Advance(TimeSpan.FromMilliseconds(50));
        await AskedAsync();

        var outcome = await waiting;
        Assert.False(outcome.Reached);
        Assert.Equal(3, outcome.Last);
    }

    [Fact]
    public async Task A_wait_that_names_no_limit_runs_under_the_default_one()
    {
        var waiter = new Waiter(_time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var waiting = waiter.UntilAsync(AskAsync, _ => false, null, CancellationToken.None);
        await AskedAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        await AskedAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        await AskedAsync();

        var outcome = await waiting;
        Assert.False(outcome.Reached);
        Assert.Equal(TimeSpan.FromSeconds(2), outcome.Limit);
    }

    [Fact]
    public async Task A_failing_question_ends_the_wait_with_its_error()
    {
        var waiter = new Waiter(_time, Interval, TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            waiter.UntilAsync<int>(_ => throw new InvalidOperationException("stopped instead"), _ => false, null, CancellationToken.None));

        Assert.Equal("stopped instead", error.Message);
    }

    [Fact]
    public async Task Cancelling_a_wait_stops_it_during_its_pause()
    {
        var waiter = new Waiter(_time, Interval, TimeSpan.FromMinutes(1));
        using var cancel = new CancellationTokenSource();
        var waiting = waiter.UntilAsync(AskAsync, _ => false, null, cancel.Token);
        await AskedAsync();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, _answer);
    }

    [Fact]
    public async Task A_negative_limit_is_refused()
    {
        var waiter = new Waiter(_time, Interval, TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => waiter.UntilAsync(AskAsync, _ => false, TimeSpan.FromSeconds(-1), CancellationToken.None));
    }
}
