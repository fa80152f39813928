using EcsWorkshop.Simulator.Ecs.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>Moves the simulated world on with the clock, a tick at a time, while the server runs.</summary>
internal sealed class SimulationLoop(EcsEngine engine, SimulatorOptions options, ILogger<SimulationLoop> logger) : BackgroundService
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
                logger.LogError(e, "The scheduler failed to advance the world; it will try again on the next tick.");
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
