using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Contracts;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Modules;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>The live count beside "Booking approvals": requests waiting for this approver.</summary>
internal sealed class PendingApprovalsBadge(IDbContextFactory<ResourcesDbContext> contexts) : INavBadgeSource
{
    public const string BadgeKey = "resources.pending-approvals";

    public string Key => BadgeKey;

    public IReadOnlyList<string> Topics { get; } = [ResourcesTopics.Bookings, ResourcesTopics.Resources];

    public async Task<int> CountAsync(ICurrentUser user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = await BookingQueries.ResourcesIApproveAsync(db, user, cancellationToken);
        return mine.Count == 0 ? 0 : await db.Bookings.CountAsync(b => b.Status == BookingStatus.Pending && mine.Contains(b.ResourceId), cancellationToken);
    }
}
