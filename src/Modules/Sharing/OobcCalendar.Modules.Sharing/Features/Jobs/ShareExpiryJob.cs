using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OobcCalendar.Modules.Sharing.Contracts;
using OobcCalendar.Modules.Sharing.Features.Links;
using OobcCalendar.Modules.Sharing.Persistence;
using Quartz;

namespace OobcCalendar.Modules.Sharing.Features.Jobs;

/// <summary>
/// Daily at 02:00 office time: ends links past their expiry (raising <see cref="ShareExpiredIntegrationEvent"/> once each)
/// and warns owners of links ending within <see cref="ShareExpiringNotice.DaysAhead"/> days (once each). Expired links
/// stop opening on their own at the expiry instant; the job makes it visible and tells the owner.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ShareExpiryJob(IDbContextFactory<SharingDbContext> contexts, TimeProvider clock, ILogger<ShareExpiryJob> logger) : IJob
{
    public const string Name = "sharing.expiry";

    /// <summary>02:00 every day.</summary>
    public const string Cron = "0 0 2 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var (expired, expiring) = await RunAsync(cancellationToken);
        logger.LogInformation("Share links: {Expired} ended, {Expiring} owners warned", expired, expiring);
    }

    public async Task<(int Expired, int Expiring)> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ended = await db.Links.Where(l => l.ExpiresAt <= now && l.ExpiredNoticeAt == null && l.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var link in ended)
        {
            link.MarkExpired(now);
            db.Publish(new ShareExpiredIntegrationEvent(link.Id, link.OwnerId, link.Label, link.ExpiresAt) { OccurredAt = now });
            OwnedLinks.Notify(db, link, "expired");
        }

        var soon = now.AddDays(ShareExpiringNotice.DaysAhead);
        var ending = await db.Links.Where(l => l.ExpiresAt > now && l.ExpiresAt <= soon && l.ExpiringNoticeAt == null && l.RevokedAt == null && l.IsActive).ToListAsync(cancellationToken);
        foreach (var link in ending)
        {
            link.MarkExpiring(now);
            db.Publish(new ShareExpiringIntegrationEvent(link.Id, link.OwnerId, link.Label, link.ExpiresAt) { OccurredAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        return (ended.Count, ending.Count);
    }
}
