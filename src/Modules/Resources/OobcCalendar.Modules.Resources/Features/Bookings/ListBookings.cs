using Mediator;
using Microsoft.EntityFrameworkCore;
using OobcCalendar.Modules.Resources.Domain.Bookings;
using OobcCalendar.Modules.Resources.Persistence;
using OobcCalendar.Shared.Users;

namespace OobcCalendar.Modules.Resources.Features.Bookings;

/// <summary>A booking as lists show it.</summary>
internal sealed record BookingItem(
    Guid Id,
    Guid ResourceId,
    string ResourceName,
    string ResourceKind,
    Guid RequesterId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Purpose,
    int? ExpectedAttendees,
    BookingStatus Status,
    DateTimeOffset CreatedAt,
    Guid? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    Guid? SeriesId,
    Guid? CancelledBy = null,
    DateTimeOffset? DismissedByRequesterAt = null)
{
    /// <summary>Closed by someone else (rejected, or cancelled by an approver): news the requester has to read.</summary>
    public bool ClosedByOthers => Status == BookingStatus.Rejected || (Status == BookingStatus.Cancelled && CancelledBy is { } by && by != RequesterId);
}

/// <summary>
/// The signed-in user's bookings from <paramref name="From"/> on (default: today), soonest first. Without
/// <paramref name="IncludeClosed"/>: what holds a slot, plus requests others closed (rejected, cancelled by an
/// approver) in the last <see cref="ListMyBookingsHandler.RecentDecisions"/> that the requester has not dismissed,
/// so a refusal does not just vanish from their list.
/// </summary>
internal sealed record ListMyBookings(DateTimeOffset? From, bool IncludeClosed) : IQuery<IReadOnlyList<BookingItem>>;

/// <summary>Pending requests the signed-in user may decide, oldest first, each with what it clashes with.</summary>
internal sealed record ListPendingApprovals : IQuery<IReadOnlyList<PendingApproval>>;

/// <summary>A pending request on the approval dashboard.</summary>
internal sealed record PendingApproval(BookingItem Booking, IReadOnlyList<SlotConflict> Conflicts);

internal sealed class ListMyBookingsHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListMyBookings, IReadOnlyList<BookingItem>>
{
    /// <summary>How long a rejection or an approver's cancellation stays on the upcoming list unless dismissed.</summary>
    public static readonly TimeSpan RecentDecisions = TimeSpan.FromDays(14);

    public async ValueTask<IReadOnlyList<BookingItem>> Handle(ListMyBookings query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var from = query.From ?? now.AddHours(-12);
        var userId = currentUser.Id;
        var mine = db.Bookings.Where(b => b.RequesterId == userId);
        IQueryable<Booking> bookings;
        if (query.IncludeClosed)
        {
            bookings = mine.Where(b => b.End >= from);
        }
        else
        {
            // A recent decision shows even when its slot has passed: the point is that the requester reads it.
            var since = now - RecentDecisions;
            bookings = mine.Where(b =>
                ((b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved) && b.End >= from)
                || (b.DismissedByRequesterAt == null
                    && ((b.Status == BookingStatus.Rejected && b.DecidedAt >= since)
                        || (b.Status == BookingStatus.Cancelled && b.CancelledBy != userId && b.CancelledAt >= since))));
        }

        return await BookingQueries.ProjectAsync(db, bookings.OrderBy(b => b.Start).Take(200), cancellationToken);
    }
}

internal sealed class ListPendingApprovalsHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser)
    : IQueryHandler<ListPendingApprovals, IReadOnlyList<PendingApproval>>
{
    public async ValueTask<IReadOnlyList<PendingApproval>> Handle(ListPendingApprovals query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = await BookingQueries.ResourcesIApproveAsync(db, currentUser, cancellationToken);
        var pending = await BookingQueries.ProjectAsync(
            db,
            db.Bookings.Where(b => b.Status == BookingStatus.Pending && mine.Contains(b.ResourceId)).OrderBy(b => b.CreatedAt).Take(300),
            cancellationToken);
        if (pending.Count == 0)
        {
            return [];
        }

        // One query for every hold that could clash with any pending request, matched in memory.
        var resourceIds = pending.Select(p => p.ResourceId).Distinct().ToList();
        var from = pending.Min(p => p.Start);
        var to = pending.Max(p => p.End);
        var holds = await db.Bookings.AsNoTracking()
            .Where(b => resourceIds.Contains(b.ResourceId) && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved) && b.Start < to && from < b.End)
            .Select(b => new { b.Id, b.ResourceId, b.Start, b.End, b.Status, b.Purpose })
            .ToListAsync(cancellationToken);
        var result = pending.Select(item => new PendingApproval(
            item,
            holds.Where(h => h.ResourceId == item.ResourceId && h.Id != item.Id && h.Start < item.End && item.Start < h.End)
                .Select(h => new SlotConflict(h.Status == BookingStatus.Pending ? "pending" : "booked", h.Start, h.End, h.Purpose))
                .ToList())).ToList();
        return result;
    }
}

/// <summary>Query helpers shared by the booking lists.</summary>
internal static class BookingQueries
{
    public static Task<List<Guid>> ResourcesIApproveAsync(ResourcesDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        ResourcesApprovedByAsync(db, user.Id, user.IsInRole(Roles.Admin), user.IsInRole(Roles.Manager), cancellationToken);

    /// <summary>The resources whose requests <paramref name="userId"/> decides: Admin all, a manager those naming them or no one.</summary>
    public static async Task<List<Guid>> ResourcesApprovedByAsync(ResourcesDbContext db, Guid userId, bool isAdmin, bool isManager, CancellationToken cancellationToken)
    {
        if (!isAdmin && !isManager)
        {
            return [];
        }

        return await db.Resources.AsNoTracking()
            .Where(r => isAdmin || r.ApproverIds.Count == 0 || r.ApproverIds.Contains(userId))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<BookingItem>> ProjectAsync(ResourcesDbContext db, IQueryable<Booking> bookings, CancellationToken cancellationToken) =>
        await (from b in bookings.AsNoTracking()
               join r in db.Resources on b.ResourceId equals r.Id
               select new BookingItem(b.Id, r.Id, r.Name, r.Kind.ToString(), b.RequesterId, b.Start, b.End, b.Purpose, b.ExpectedAttendees, b.Status,
                   b.CreatedAt, b.DecidedBy, b.DecidedAt, b.DecisionReason, b.SeriesId, b.CancelledBy, b.DismissedByRequesterAt))
            .ToListAsync(cancellationToken);
}
