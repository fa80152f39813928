using Microsoft.Extensions.Hosting;

namespace EcsWorkshop.Simulator.Hosting;

/// <summary>Runs every account's background work (its Docker runtime, listeners, container stats) while the server runs.</summary>
internal sealed class AccountServices(ServedAccounts accounts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var account in accounts.All)
            foreach (var part in account.Background)
                await part.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(accounts.All.SelectMany(a => a.Background).Select(part => part.StopAsync(cancellationToken)));
}
