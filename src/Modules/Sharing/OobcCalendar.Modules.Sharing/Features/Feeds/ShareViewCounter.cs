using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OobcCalendar.Modules.Sharing.Persistence;

namespace OobcCalendar.Modules.Sharing.Features.Feeds;

/// <summary>
/// Counts link views in memory and writes them every <see cref="FlushInterval"/> (and when the host stops), one
/// statement per link. Pollers hit one link concurrently: an UPDATE of its row per request made them queue on the row
/// lock and put a write on every 304 (ADR 0033). A host that dies loses at most the last interval's counts.
/// </summary>
internal sealed class ShareViewCounter(IDbContextFactory<SharingDbContext> contexts, ILogger<ShareViewCounter> logger) : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, Views> pending = new();

    public void Count(Guid linkId, DateTimeOffset at) =>
        pending.AddOrUpdate(linkId, new Views(1, at), (_, v) => new Views(v.Count + 1, at > v.Last ? at : v.Last));

    /// <summary>Writes the views counted so far.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var id in pending.Keys)
        {
            if (!pending.TryRemove(id, out var views))
            {
                continue;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Links.Where(l => l.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(l => l.ViewCount, l => l.ViewCount + views.Count)
                    .SetProperty(l => l.LastViewedAt, l => l.LastViewedAt == null || l.LastViewedAt < views.Last ? views.Last : l.LastViewedAt),
                cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(FlushInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await FlushQuietlyAsync(stoppingToken);
        }

        // The last counts of a host shutting down in order.
        await FlushQuietlyAsync(CancellationToken.None);
    }

    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
#pragma warning disable CA1031 // A failed write of view counts (database away) must not stop the counter; the next round retries new counts.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Share link view counts could not be written");
        }
    }

    private sealed record Views(int Count, DateTimeOffset Last);
}
