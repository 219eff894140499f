using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Features.Bookings;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Home;

/// <summary>What the bookings card on Home shows the signed-in user: their next bookings, recent decisions, and what waits for them as approver.</summary>
internal sealed record GetHomeBookings : IQuery<HomeBookings>
{
    /// <summary>How many rows each list shows; the full lists are one click away.</summary>
    public const int Take = 4;

    /// <summary>How long a decision counts as recent.</summary>
    public static readonly TimeSpan RecentFor = TimeSpan.FromDays(7);
}

/// <summary>
/// <paramref name="Upcoming"/>: pending or approved, not yet over, soonest first. <paramref name="Decided"/>: decided or
/// cancelled by someone else in the last week, not dismissed, and not in <paramref name="Upcoming"/>, newest first.
/// <paramref name="WaitingCount"/> and <paramref name="Waiting"/> (oldest first) are empty for someone who approves nothing.
/// </summary>
internal sealed record HomeBookings(
    IReadOnlyList<BookingItem> Upcoming,
    IReadOnlyList<BookingItem> Decided,
    bool IsApprover,
    int WaitingCount,
    IReadOnlyList<BookingItem> Waiting);

internal sealed class GetHomeBookingsHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetHomeBookings, HomeBookings>
{
    public async ValueTask<HomeBookings> Handle(GetHomeBookings query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var me = currentUser.Id;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = db.Bookings.Where(b => b.RequesterId == me);
        var upcoming = await BookingQueries.ProjectAsync(
            db,
            mine.Where(b => b.End > now && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved)).OrderBy(b => b.Start).Take(GetHomeBookings.Take),
            cancellationToken);
        var shown = upcoming.Select(b => b.Id).ToList();
        var since = now - GetHomeBookings.RecentFor;
        var decided = await BookingQueries.ProjectAsync(
            db,
            mine.Where(b => !shown.Contains(b.Id) && b.DismissedByRequesterAt == null
                    && ((b.DecidedAt != null && b.DecidedAt >= since) || (b.CancelledAt != null && b.CancelledAt >= since && b.CancelledBy != me)))
                .OrderByDescending(b => b.CancelledAt ?? b.DecidedAt)
                .Take(GetHomeBookings.Take),
            cancellationToken);

        var approvable = await BookingQueries.ResourcesIApproveAsync(db, currentUser, cancellationToken);
        if (approvable.Count == 0)
        {
            return new HomeBookings(upcoming, decided, false, 0, []);
        }

        var pending = db.Bookings.Where(b => b.Status == BookingStatus.Pending && approvable.Contains(b.ResourceId));
        var count = await pending.CountAsync(cancellationToken);
        var oldest = count == 0 ? [] : await BookingQueries.ProjectAsync(db, pending.OrderBy(b => b.CreatedAt).Take(3), cancellationToken);
        return new HomeBookings(upcoming, decided, true, count, oldest);
    }
}
