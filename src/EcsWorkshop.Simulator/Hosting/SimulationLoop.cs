using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>
/// Moves every account's simulated world on with the clock, a tick at a time, while the server runs: the ECS scheduler,
/// then target tracking. One loop for all the accounts of a classroom.
/// </summary>
internal sealed class SimulationLoop(ServedAccounts accounts, SimulatorOptions options, ILogger<SimulationLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var account in accounts.All)
            {
                try
                {
                    account.Simulation.Ecs.Advance();
                }
                catch (Exception e)
                {
                    logger.LogError(e, "The scheduler of account {Account} failed to advance the world; it will try again on the next tick.", account.AccountId);
                }
                try
                {
                    account.Simulation.AutoScaling.Advance();
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Target tracking of account {Account} failed to advance; it will try again on the next tick.", account.AccountId);
                }
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
