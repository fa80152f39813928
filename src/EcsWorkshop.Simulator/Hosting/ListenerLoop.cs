using EcsWorkshop.Simulator.Elbv2.DataPlane;
using Microsoft.Extensions.Hosting;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>
/// Keeps every account's load balancer listeners up to date with its API while the server runs: one loop over the
/// accounts every <see cref="ListenerProxies.Poll"/>, however many learners a classroom has.
/// </summary>
internal sealed class ListenerLoop(ServedAccounts accounts) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var account in accounts.All) await account.Listeners.RefreshAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(ListenerProxies.Poll, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
