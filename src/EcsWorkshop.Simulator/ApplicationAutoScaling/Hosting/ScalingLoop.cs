using EcsWorkshop.Simulator.ApplicationAutoScaling.Domain;
using EcsWorkshop.Simulator.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.ApplicationAutoScaling.Hosting;

/// <summary>Moves target tracking on with the clock, a tick at a time, while the server runs (beside the ECS scheduler's loop).</summary>
public sealed class ScalingLoop(AutoScalingEngine engine, SimulatorOptions options, ILogger<ScalingLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                engine.Advance();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Target tracking failed to advance; it will try again on the next tick.");
            }
            try
            {
                await Task.Delay(options.TickInterval, options.Time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
