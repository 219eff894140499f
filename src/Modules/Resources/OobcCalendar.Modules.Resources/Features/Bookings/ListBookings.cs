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
    Guid? SeriesId);

/// <summary>The signed-in user's bookings from <paramref name="From"/> on (default: today), soonest first.</summary>
internal sealed record ListMyBookings(DateTimeOffset? From, bool IncludeClosed) : IQuery<IReadOnlyList<BookingItem>>;

/// <summary>Pending requests the signed-in user may decide, oldest first, each with what it clashes with.</summary>
internal sealed record ListPendingApprovals : IQuery<IReadOnlyList<PendingApproval>>;

/// <summary>A pending request on the approval dashboard.</summary>
internal sealed record PendingApproval(BookingItem Booking, IReadOnlyList<SlotConflict> Conflicts);

internal sealed class ListMyBookingsHandler(IDbContextFactory<ResourcesDbContext> contexts, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ListMyBookings, IReadOnlyList<BookingItem>>
{
    public async ValueTask<IReadOnlyList<BookingItem>> Handle(ListMyBookings query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var from = query.From ?? clock.GetUtcNow().AddHours(-12);
        var bookings = db.Bookings.Where(b => b.RequesterId == currentUser.Id && b.End >= from);
        if (!query.IncludeClosed)
        {
            bookings = bookings.Where(b => b.Status == BookingStatus.Pending || b.Status == BookingStatus.Approved);
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
    public static async Task<List<Guid>> ResourcesIApproveAsync(ResourcesDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        var isAdmin = user.IsInRole(Roles.Admin);
        var isManager = user.IsInRole(Roles.Manager);
        if (!isAdmin && !isManager)
        {
            return [];
        }

        var userId = user.Id;
        return await db.Resources.AsNoTracking()
            .Where(r => isAdmin || r.ApproverIds.Count == 0 || r.ApproverIds.Contains(userId))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<BookingItem>> ProjectAsync(ResourcesDbContext db, IQueryable<Booking> bookings, CancellationToken cancellationToken) =>
        await (from b in bookings.AsNoTracking()
               join r in db.Resources on b.ResourceId equals r.Id
               select new BookingItem(b.Id, r.Id, r.Name, r.Kind.ToString(), b.RequesterId, b.Start, b.End, b.Purpose, b.ExpectedAttendees, b.Status,
                   b.CreatedAt, b.DecidedBy, b.DecidedAt, b.DecisionReason, b.SeriesId))
            .ToListAsync(cancellationToken);
}
